import { describeGoldenCases } from '../../../../../test/helpers/golden';

describeGoldenCases('resource');
