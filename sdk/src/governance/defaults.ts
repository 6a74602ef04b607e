import { Param } from "../generated/enums.ts";

const ONE = 10n ** 18n;
const DAY = 86_400n;

/**
 * The parameter values a new demo region starts with (one per `Param`). A real region chooses its
 * own at deployment (Ignition parameter `parameterValues`) and changes them by vote.
 */
export const DEFAULT_PARAMETERS: Record<Param, bigint> = {
  SalesTaxRate: (ONE * 8n) / 100n,
  IncomeTaxRate: (ONE * 15n) / 100n,
  ProfitAtRestDelay: 30n * DAY,
  ProfitAtRestRate: (ONE * 2n) / 100n,
  RegionalProfitAtRestDelay: 90n * DAY,
  RegionalProfitAtRestRate: 0n,
  ProductivityMin: 0n,
  ProductivityMax: ONE,
  WageReductionDelay: 30n * DAY,
  WageReductionDecay: 90n * DAY,
  HealthcareSubsidy: (ONE * 75n) / 100n,
  HigherEducationSubsidy: (ONE * 50n) / 100n,
  HigherEducationPriorityYears: 5n,
  ApartmentAboveCost: (ONE * 5n) / 100n,
  HouseRentalAboveCost: (ONE * 10n) / 100n,
  UbiAmount: 200n * ONE,
  UbiPeriod: 30n * DAY,
  ExchangeRate: ONE,
  StartingWage: 20n * ONE,
};

/** `DEFAULT_PARAMETERS` in `Param` order, as `RegionParameters.initialize` takes them. */
export const DEFAULT_PARAMETER_VALUES: readonly bigint[] = Param.map((p) => DEFAULT_PARAMETERS[p]);
