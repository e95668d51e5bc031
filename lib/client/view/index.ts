/**
 * The view: the URL's state resolved (resolve.ts, pure), handed to the panels
 * (provider.tsx) and changed only through actions that say what they do to
 * the URL (actions.ts). Who owns what: docs/architecture.md.
 */
export * from './resolve';
export * from './navigation';
export { ViewProvider, useView, usePlayhead, useUrlPlayhead } from './provider';
export { useViewActions } from './actions';
