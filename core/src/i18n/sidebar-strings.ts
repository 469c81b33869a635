/**
 * The sidebar's texts per language, for the add-on build to write into Sidebar.html.
 */
import type { Lang } from './lang';
import { SIDEBAR_STRINGS_EN, type SidebarStrings } from './sidebar-strings-en';
import { SIDEBAR_STRINGS_ID } from './sidebar-strings-id';

/**
 * Every language's sidebar texts.
 * @example SIDEBAR_STRINGS.id.run // 'Jalankan'
 */
export const SIDEBAR_STRINGS: Record<Lang, SidebarStrings> = {
  en: SIDEBAR_STRINGS_EN,
  id: SIDEBAR_STRINGS_ID,
};
