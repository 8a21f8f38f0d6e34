import type { Lang } from './types.js';
import { expectObject } from '../arguments.js';

/**
 * Picks the language of messages from the locale variables, in POSIX order: `LC_ALL`, then `LC_MESSAGES`, then `LANG`
 * (empty values are skipped). A locale starting with `vi` (`vi`, `vi_VN.UTF-8`, `vi-VN`) gives Vietnamese; anything
 * else, or nothing, gives English.
 *
 * @param env - the environment, such as `process.env`.
 * @returns `'vi'` or `'en'`.
 * @example
 * resolveLang({ LANG: 'vi_VN.UTF-8' }); // 'vi'
 * resolveLang({ LC_ALL: 'C', LANG: 'vi_VN.UTF-8' }); // 'en'
 */
export function resolveLang(env: Readonly<Record<string, string | undefined>>): Lang {
  expectObject(env, 'env', { en: 'an environment map such as the one Node gives', vi: 'một ánh xạ biến môi trường, như môi trường mà Node.js cung cấp' });
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((value) => value !== undefined && value !== '');
  return locale !== undefined && /^vi(?:$|[_.@-])/i.test(locale) ? 'vi' : 'en';
}
