"""Reading a survey's aggregated results from an upload (CSV or Excel), and showing them with
their small numbers hidden.

The file holds one row per question and answer with the number of respondents who gave it:
the columns `vraag`, `antwoord` and `aantal` (or `question`, `answer`, `count`), and nothing
else. A file with any other column is refused whole — a respondent's number, a name, a
postcode would make it a file about people, and Koers keeps survey results only as
aggregates. So is a count that is not a whole number, an empty question or answer, and an
answer given twice for one question.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from koers.core import tables
from koers.core.numbers import grouped
from koers.signals.suppression import suppressed_label, visible

MAX_ROWS = 5000
COLUMNS = {
    "vraag": "question",
    "question": "question",
    "antwoord": "answer",
    "answer": "answer",
    "aantal": "count",
    "count": "count",
}


@dataclass(frozen=True)
class SurveyRow:
    question: str
    answer: str
    count: int


@dataclass
class SurveyFile:
    rows: list[SurveyRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def questions(self) -> list[QuestionResult]:
        return results_of((row.question, row.answer, row.count) for row in self.rows)


def read_survey(path: Path) -> SurveyFile:
    """The file's rows, or the reasons it is refused (nothing of a refused file is kept)."""
    try:
        cells = tables.read_table(path, MAX_ROWS)
    except ValidationError as error:
        return SurveyFile(problems=list(error.messages))
    if not cells:
        return SurveyFile(problems=[_("The file is empty.")])
    header = [cell.strip().lower() for cell in cells[0]]
    found = SurveyFile()
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        found.problems.append(
            _(
                "Only aggregated results are kept: the file may hold the columns vraag, "
                "antwoord and aantal, and it also holds %(columns)s. Remove them (or count "
                "the answers first) and upload it again."
            )
            % {"columns": ", ".join(unknown)}
        )
        return found
    at = {COLUMNS[name]: index for index, name in enumerate(header) if name}
    if set(at) != {"question", "answer", "count"}:
        found.problems.append(_("The file needs the columns vraag, antwoord and aantal."))
        return found
    if len(cells) - 1 > MAX_ROWS:
        found.problems.append(
            _("The file has more than %(max)s rows.") % {"max": grouped(MAX_ROWS, 0)}
        )
        return found
    seen: set[tuple[str, str]] = set()
    for line, row in enumerate(cells[1:], start=2):
        padded = [*row, "", "", ""]
        question = padded[at["question"]].strip()
        answer = padded[at["answer"]].strip()
        raw = padded[at["count"]].strip()
        if not any((question, answer, raw)):
            continue
        problem = _row_problem(question, answer, raw, seen)
        if problem:
            found.problems.append(
                _("Row %(line)s: %(problem)s") % {"line": line, "problem": problem}
            )
            continue
        seen.add((question, answer))
        found.rows.append(SurveyRow(question, answer, int(raw)))
    if not found.rows and not found.problems:
        found.problems.append(_("The file has no answers."))
    return found


def _row_problem(question: str, answer: str, raw: str, seen: set[tuple[str, str]]) -> str:
    if not question or not answer:
        return str(_("a question and an answer are both needed."))
    if len(question) > 300 or len(answer) > 300:
        return str(_("a question or answer is longer than 300 characters."))
    if not raw.isdigit():
        return str(_("the number %(value)s is not a whole number of respondents.") % {"value": raw})
    if (question, answer) in seen:
        return str(_("this answer to this question is in the file twice."))
    return ""


# --- showing them -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerResult:
    answer: str
    count: int | None  # None: a small number, hidden
    share: Decimal | None  # percent of the question's respondents; None when hidden

    @property
    def count_text(self) -> str:
        return str(self.count) if self.count is not None else suppressed_label()

    @property
    def share_text(self) -> str:
        return f"{grouped(self.share, 0)}%" if self.share is not None else "—"


@dataclass(frozen=True)
class QuestionResult:
    question: str
    total: int
    total_shown: bool  # False when an answer's count is hidden (see `results_of`)
    answers: list[AnswerResult]

    @property
    def total_text(self) -> str:
        return str(self.total) if self.total_shown else "—"

    @property
    def hidden(self) -> bool:
        """Fewer respondents in all than the threshold: not even the total is shown."""
        return visible(self.total) is None


def results_of(rows: Iterable[tuple[str, str, int]]) -> list[QuestionResult]:
    """Per question (in the file's order), its answers with count and share, small numbers
    hidden: a count below the threshold shows as "< 5". A question with a hidden count shows
    no total and no shares either, as those would give the hidden count away by subtraction."""
    by_question: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for question, answer, count in rows:
        by_question[question].append((answer, count))
    found = []
    for question, answers in by_question.items():
        total = sum(count for _answer, count in answers)
        complete = all(visible(count) is not None for _answer, count in answers)
        found.append(
            QuestionResult(
                question=question,
                total=total,
                total_shown=complete,
                answers=[
                    AnswerResult(
                        answer=answer,
                        count=visible(count),
                        share=Decimal(count * 100) / total if complete and total else None,
                    )
                    for answer, count in answers
                ],
            )
        )
    return found
