// Sharing through Azure RBAC. Grant Access…: role (Reader by default) → who (found in Microsoft
// Graph by e-mail, user principal name, name or application id; the display name and kind found
// are shown before anything is sent) → summary → the role assignment at the gallery, definition or
// version. Manage Access…: the role assignments in force there, with who they are, and removing
// the ones made there (after a confirmation).
export { GRANT_ACCESS_COMMAND, MANAGE_ACCESS_COMMAND, describePrincipal, describeScope } from './common';
export { grantAccess, type GrantAccessOptions, type GrantAccessResult } from './grant';
export { manageAccess, type AccessEntry, type ManageAccessOptions, type ManageAccessResult } from './manage';
