import { foldVietnamese } from '../../shared/text/fold';

interface Searchable {
  code: string;
  name: string;
  ownerName: string;
  address: string;
  phones: readonly string[];
}

/**
 * The folded columns FTS5 indexes for one venue: the name, and owner, address, code and
 * phone digits. A phone is indexed whole and without its leading zero, so "0912345678"
 * and "912345678" (as Excel shows it) both find it.
 */
export function venueSearchColumns(venue: Searchable): { nameFolded: string; detailsFolded: string } {
  const phoneWords = venue.phones.flatMap((phone) => {
    const digits = phone.replace(/\D/g, '');
    return [digits, digits.replace(/^0/, '')];
  });
  return {
    nameFolded: foldVietnamese(venue.name),
    detailsFolded: foldVietnamese([venue.ownerName, venue.address, venue.code, ...phoneWords].join(' ')),
  };
}
