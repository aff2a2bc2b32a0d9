import { AppError } from '../../../common/errors.js';
import '../../../common/identity.errors.js';
import { maskIdNumber, maskPhone, parseIdNumber, parsePhone } from '../../../common/identity.js';
import { idProblemError, phoneProblemError } from '../../../common/identity-errors.js';
import type { PiiCipher } from '../../crypto/pii.js';

/** A person's identifying fields as stored: encrypted, blind-indexed and masked; never the plaintext. */
export type SealedPerson = {
  name: string;
  id_number_enc: string;
  id_number_bidx: string;
  id_number_masked: string;
  phone_enc: string;
  phone_bidx: string;
  phone_masked: string;
  gender: 'male' | 'female';
  birth_date: string;
};

/** Normalises an ID number or throws the precise problem. */
export function normalisedIdOrThrow(input: string): string {
  const parsed = parseIdNumber(input);
  if (!parsed.ok) throw idProblemError(parsed.problem);
  return parsed.facts.id;
}

/** Validates, normalises and seals a person's name, ID number and phone; throws the first problem in the caller's terms. */
export function sealPerson(cipher: PiiCipher, input: { name: string; idNumber: string; phone: string }): SealedPerson {
  if (/^[=+\-@]/.test(input.name.trim())) throw new AppError('NAME_FORMULA');
  const id = parseIdNumber(input.idNumber);
  if (!id.ok) throw idProblemError(id.problem);
  const phone = parsePhone(input.phone);
  if (!phone.ok) throw phoneProblemError(phone.problem);
  return {
    name: input.name.trim(),
    id_number_enc: cipher.encrypt(id.facts.id),
    id_number_bidx: cipher.blindIndex('id_number', id.facts.id),
    id_number_masked: maskIdNumber(id.facts.id),
    phone_enc: cipher.encrypt(phone.phone),
    phone_bidx: cipher.blindIndex('phone', phone.phone),
    phone_masked: maskPhone(phone.phone),
    gender: id.facts.gender,
    birth_date: id.facts.birthDate,
  };
}
