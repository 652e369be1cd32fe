/** The two engines as the Train page and Settings offer them: one list, so both describe them alike. */
export const engineChoices = [
  { value: 'fast', label: 'Fast', hint: 'Built-in NB-SVM (a linear SVM on naive-Bayes-weighted terms), tuned by inner cross-validation. Recommended.' },
  { value: 'mljs', label: 'mljs', hint: 'ml-logistic-regression: dense, slower on large vocabularies.' },
] as const;
