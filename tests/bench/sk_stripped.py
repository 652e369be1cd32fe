# Title-stripped macro-F1 of both scikit-learn reference pipelines on one split, for README's model-quality
# table: the pipelines of sk_windows.py (C by 3-fold CV) scored on test_S.jsonl with each resume's first line
# removed by make_splits.py's own rule. Prints one JSON line per pipeline, aggregates only.
# usage: /usr/bin/python3 tests/bench/sk_stripped.py DIR SEED  (DIR written by make_splits.py)
import sys, os, re, json
REF = os.environ.get('SK_REFERENCE', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/tools/sklearn-reference'))
sys.path.insert(0, REF)
from common import load_jsonl, scores
from sklearn.pipeline import Pipeline
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.feature_selection import SelectKBest, chi2
from sklearn.svm import LinearSVC
from sklearn.model_selection import GridSearchCV, StratifiedKFold
D, S = sys.argv[1], sys.argv[2]
def strip_first_line(t):
    t2 = t.lstrip(); i = t2.find('\n')
    return t2[i+1:] if i >= 0 else ' '.join(t2.split()[8:])
Xtr, ytr, _ = load_jsonl(f'{D}/train_{S}.jsonl', drop_empty=False); _, _, R = load_jsonl(f'{D}/test_{S}.jsonl')
Xst = [strip_first_line(r['text']) for r in R]; yst = [r['category'] for r in R]
tok = re.compile(r'(?u)\b\w\w+\b'); head = lambda X: [t + ' ' + ' '.join('hl' + w for w in tok.findall(t.lower())[:5]) for t in X]
for name, sel in (('svc+chi2_5k+title', True), ('svc_full_vocabulary+title', False)):
    steps = [('tfidf', TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2))] + ([('chi2', SelectKBest(chi2, k=5000))] if sel else []) + [('clf', LinearSVC())]
    gs = GridSearchCV(Pipeline(steps), {'clf__C': [0.1, 1, 10]}, cv=StratifiedKFold(3, shuffle=True, random_state=42), scoring='f1_macro').fit(head(Xtr), ytr)
    print(json.dumps({'seed': S, 'model': name, 'C': gs.best_params_['clf__C'], 'stripped_macro_f1': scores(yst, gs.predict(head(Xst)))['macro_f1']}), flush=True)
