import { AppError } from '../../../common/errors.js';
import { maskIdNumber, maskPhone, parseIdNumber, parsePhone, type IdProblem, type PhoneProblem } from '../../../common/identity.js';
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

export function idProblemError(problem: IdProblem): AppError {
  switch (problem.kind) {
    case 'empty':
      return new AppError('ID_EMPTY');
    case 'scientific':
      return new AppError('ID_SCIENTIFIC', { shown: problem.shown });
    case 'legacy15':
      return new AppError('ID_LEGACY15');
    case 'length':
      return new AppError('ID_LENGTH', { length: problem.length });
    case 'char':
      return new AppError('ID_CHAR', { position: problem.position, char: problem.char });
    case 'region':
      return new AppError('ID_REGION', { prefix: problem.prefix });
    case 'birthdate':
      return new AppError('ID_BIRTHDATE', { date: problem.date });
    case 'check':
      return new AppError('ID_CHECK', { expected: problem.expected });
  }
}

export function phoneProblemError(problem: PhoneProblem): AppError {
  switch (problem.kind) {
    case 'empty':
      return new AppError('PHONE_EMPTY');
    case 'length':
      return new AppError('PHONE_LENGTH', { digits: problem.digits });
    case 'prefix':
      return new AppError('PHONE_PREFIX');
    case 'char':
      return new AppError('PHONE_CHAR', { char: problem.char });
  }
}

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
