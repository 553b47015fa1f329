import { foldVietnamese } from '../../shared/text/fold';

interface Searchable {
  code: string;
  name: string;
  ownerName: string;
  address: string;
  phone: string;
}

/** The folded text FTS5 indexes for one venue: name, owner, address, code and phone digits. */
export function venueSearchText(venue: Searchable): string {
  const digits = venue.phone.replace(/\D/g, '');
  return foldVietnamese([venue.name, venue.ownerName, venue.address, venue.code, digits].join(' '));
}
