// Workflow interceptors (bundled into a test worker) that switch every Update validator off: the
// worker then accepts what the validators would refuse, the way input slipped past them before
// issue 12, so a test can poison a workflow as it happened then.
export const interceptors = () => ({
  inbound: [{ validateUpdate: () => undefined }],
});
