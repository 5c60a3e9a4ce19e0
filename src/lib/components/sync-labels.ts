/** The "Synchroniser" buttons' labels, at rest and while a round runs (StableLabel keeps both). */
export const SYNC_LABELS = ['Synchroniser', 'Synchronisation…'] as const;
export const syncLabel = (syncing: boolean) => SYNC_LABELS[syncing ? 1 : 0];
