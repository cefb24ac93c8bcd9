/** `GET /api/v1/health/live`: the process answers (public: the sign-in page reads it too). */
export interface LiveHealth {
  status: 'ok';
  /** Started by `npm start`'s demo: Shopify and CIMcloud are emulated (FERRY_DEMO_MODE). */
  demoMode: boolean;
}
