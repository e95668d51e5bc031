/**
 * The theme rule for the layout's inline script, which runs before the first
 * paint: on /embed a `theme=light|dark` parameter, else the stored choice,
 * else the system's `prefers-color-scheme`.
 * (A plain module, not a client one, so the server layout can inline it.)
 */

export const THEME_STORAGE_KEY = 'flashback-theme';
export const DARK_QUERY = '(prefers-color-scheme: dark)';

export const THEME_BOOT_SCRIPT = `try{var q=location.pathname.indexOf('/embed')===0?new URLSearchParams(location.search).get('theme'):null;var c=q==='dark'||q==='light'?q:localStorage.getItem('${THEME_STORAGE_KEY}');var d=c==='dark'||(c!=='light'&&matchMedia('${DARK_QUERY}').matches);document.documentElement.classList.toggle('dark',d);document.documentElement.style.colorScheme=d?'dark':'light'}catch(e){}`;
