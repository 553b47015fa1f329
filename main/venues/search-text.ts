import { foldVietnamese } from '../../shared/text/fold';

interface Searchable {
  code: string;
  name: string;
  ownerName: string;
  address: string;
  phone: string;
}

/** The folded columns FTS5 indexes for one venue: the name, and owner, address, code and phone digits. */
export function venueSearchColumns(venue: Searchable): { nameFolded: string; detailsFolded: string } {
  const digits = venue.phone.replace(/\D/g, '');
  return {
    nameFolded: foldVietnamese(venue.name),
    detailsFolded: foldVietnamese([venue.ownerName, venue.address, venue.code, digits].join(' ')),
  };
}
