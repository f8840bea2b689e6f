import { describeGoldenCases } from '../../../../../test/helpers/golden';

describeGoldenCases('error-handler');
