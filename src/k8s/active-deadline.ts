/** `pkg/kubelet/active_deadline.go`: the reason and message of a pod past its `spec.activeDeadlineSeconds`. */
export const DEADLINE_EXCEEDED_REASON = 'DeadlineExceeded';
export const DEADLINE_EXCEEDED_MESSAGE = 'Pod was active on the node longer than the specified deadline';
