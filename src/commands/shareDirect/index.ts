// Direct sharing (sharingProfile.permissions Groups): share a gallery with whole subscriptions and
// tenants (add.ts), stop sharing with some (remove.ts), and show whom it is shared with (show.ts).
export { addSharingGroups, type AddSharingOptions } from './add';
export { ADD_SHARING_COMMAND, REMOVE_SHARING_COMMAND, SHOW_SHARING_COMMAND, type DirectShareOptions } from './common';
export { removeSharingGroups, type RemoveSharingOptions } from './remove';
export { showSharing, type SharingReport } from './show';
export { RESET_SHARING_COMMAND } from '../shareReset';
