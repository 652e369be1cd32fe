/** The tokens that replace masked spans of a text; the tokenizer keeps them whole. */
export const MASK_TOKENS = {
  url: '__url__',
  email: '__email__',
  phone: '__phone__',
  number: '__num__',
  /** A person's name (blind mode). */
  name: '__name__',
  /** A street address (blind mode). */
  address: '__address__',
} as const;
