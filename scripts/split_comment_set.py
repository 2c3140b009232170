"""Splits a labelled comment set into a training part and a held-back part.

    python scripts/split_comment_set.py POOL.jsonl

writes kuulo/comments/evaluation/train.jsonl and heldback.jsonl. One part in
four is held back, stratified by language and sentiment, with a fixed seed.
Comments that say nearly the same thing (a cosine of 0.65 or more between
their centred embeddings, e.g. a translation of another comment into another
language, and whatever links to them) are kept on the same side, so the
held-back part seldom tests a comment whose twin was trained on. Run once; the held-back part is never used for tuning.
"""

import json
import sys
from pathlib import Path

from sklearn.model_selection import StratifiedGroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kuulo.comments.analysis.embeddings import embed
from kuulo.comments.analysis.training import twin_groups

HERE = Path(__file__).resolve().parent.parent / "kuulo" / "comments" / "evaluation"
SEED = 13


def main(pool: Path) -> None:
    rows = [json.loads(line) for line in pool.read_text(encoding="utf-8").splitlines() if line.strip()]
    groups = twin_groups(embed([row["text"] for row in rows]))
    strata = [f"{row['language']}-{row['sentiment']}" for row in rows]
    folds = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
    train, held = next(folds.split(rows, strata, groups))
    for name, indexes in (("train.jsonl", train), ("heldback.jsonl", held)):
        with (HERE / name).open("w", encoding="utf-8") as out:
            for index in sorted(indexes):
                out.write(json.dumps(rows[index], ensure_ascii=False) + "\n")
    print(f"{len(train)} for training, {len(held)} held back, {len(set(groups))} groups of {len(rows)} comments")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
