/**
 * English messages for zod/mini. Core and the add-on validate with zod/mini (about 16 KB, tree-shakable)
 * instead of the full build (about 80 KB with every locale) so Apps Script bundles stay small; mini has
 * no messages of its own, so without this users would read "Invalid input" instead of
 * "Too small: expected number to be >=1". Import it for its effect next to `import * as z from 'zod/mini'`
 * (never re-export the `z` namespace: that defeats tree-shaking).
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
