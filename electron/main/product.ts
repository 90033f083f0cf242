// The product's name as people see it. It also names the userData folder, which the CLI
// computes independently (core/store-location.ts), so the two must agree.
export const PRODUCT_NAME = "Counterseal";
