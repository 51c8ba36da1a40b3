/**
 * Every module of dist/extension.js by its source path, for dist/commands.js to use instead of
 * bundling copies of its own. The build fills it (esbuild.mjs, `sharedModuleRegistry`); from
 * source (plain Node, type checking) it is empty and unused.
 */
export const sharedModules: Record<string, unknown> = {};
