import { z } from 'zod';
import { cleanText } from '../text/fold';

/** Building blocks every form and operation shares, so limits and messages stay one. */
export const Id = z.string().uuid();

/** Trimmed NFC text up to `max` characters; empty allowed. */
export const text = (max: number) => z.string().transform(cleanText).pipe(z.string().max(max));

/** Trimmed NFC text, 1 to `max` characters: blank or whitespace-only is "required". */
export const requiredText = (max: number) => z.string().transform(cleanText).pipe(z.string().min(1).max(max));

export const optionalText = (max: number) => text(max).optional().default('');

/** The row version an edit was based on: a stale one is refused with CONFLICT. */
export const Version = z.number().int().min(1);
