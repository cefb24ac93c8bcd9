import { MailingAddress } from '../../store/model';
import { GraphQLSource } from '../request-context';

export function mailingAddressView(
  address: MailingAddress | null,
): GraphQLSource | null {
  if (!address) return null;
  const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
  return { ...address, countryCodeV2: address.countryCode, name: name || null };
}
