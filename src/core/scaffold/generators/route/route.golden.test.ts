import { describeGoldenCases } from '../../../../../test/helpers/golden';

describeGoldenCases('route');
