/**
 * The theme rule for the layout's inline script, which runs before the first
 * paint: the stored choice, else the system's `prefers-color-scheme`.
 * (A plain module, not a client one, so the server layout can inline it.)
 */

export const THEME_STORAGE_KEY = 'flashback-theme';
export const DARK_QUERY = '(prefers-color-scheme: dark)';

export const THEME_BOOT_SCRIPT = `try{var c=localStorage.getItem('${THEME_STORAGE_KEY}');var d=c==='dark'||(c!=='light'&&matchMedia('${DARK_QUERY}').matches);document.documentElement.classList.toggle('dark',d);document.documentElement.style.colorScheme=d?'dark':'light'}catch(e){}`;
