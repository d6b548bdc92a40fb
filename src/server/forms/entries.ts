/** Entry points of the rep forms (issue 3): menu handlers that open the sidebars and the api* they call. */
export { apiBootstrap } from './bootstrap';
export { menuNewCustomer, menuLogFollowUp, menuLogDeal, menuCustomerCard } from './menus';
export { apiListCustomers, apiSearchCustomers, apiSaveCustomer } from './customers';
export { apiSaveFollowUp } from './follow-ups';
export { apiSaveDeal } from './deals';
export { apiCustomerCard } from './card';
