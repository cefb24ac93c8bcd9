/** The Admin API version Ferry speaks; the one place to bump each quarter. */
export const SHOPIFY_API_VERSION = '2026-10';
