"""Every command of the window as data: id, text, shortcuts, menu, slot.

The menus, the shortcut help (F1) and the tests are all built from this one
table, so a shortcut cannot exist in one place and be missing in another.
Texts are English source strings; QCoreApplication.translate("actions", …)
shows them in the editor's language.

Each command has a scope, and the scope decides who may take its keys:

- REVIEW commands (every decision, moving between claims and articles,
  undo) are bare keys like Y, J, 1 or Return.  Text fields and lists need
  those same keys for their own work, so these shortcuts are live only
  while the article view has the focus (Qt.WidgetWithChildrenShortcut on
  the article view).  Qt's shortcut map then settles every case by focus
  alone: Return in the search results opens the hit, Y in the note is a
  letter, and a widget added later cannot lose its keys to a decision.
  The earlier design kept a list of the keys each kind of widget reserves
  (a ShortcutOverride filter); every key or widget missing from that list
  decided a claim by accident.
- WINDOW commands (files, search, help, Esc back to the article) are
  chords, function keys or Esc, which no field or list uses for itself,
  and work wherever the focus is in the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP as _MARK_FOR_TRANSLATION
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

CONTEXT = "actions"
REVIEW = "review"
WINDOW = "window"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark `text` for extraction; PySide's own stub is typed as returning object."""
    return str(_MARK_FOR_TRANSLATION(context, text))


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str  # English source, marked for translation
    shortcuts: tuple[str | QKeySequence.StandardKey, ...]
    menu: str  # file, edit, review, view, help
    slot: str  # the MainWindow method it triggers; "session.x", "article_view.x" for a part's
    scope: str = WINDOW  # REVIEW: live only while the article view has the focus
    checkable: bool = False
    group_end: bool = False  # a separator follows it in its menu


def _tag_actions() -> tuple[ActionSpec, ...]:
    return tuple(
        ActionSpec(
            f"tag_{n}",
            QT_TRANSLATE_NOOP("actions", "Tag with recent source %n"),
            (str(n),),
            "review",
            "session.add_recent_source",
            REVIEW,
        )
        for n in range(1, 10)
    )


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "import",
        QT_TRANSLATE_NOOP("actions", "&Import files…"),
        (QKeySequence.StandardKey.Open,),
        "file",
        "transfers.import_files",
    ),
    ActionSpec(
        "export",
        QT_TRANSLATE_NOOP("actions", "&Export to Excel…"),
        ("Ctrl+E",),
        "file",
        "transfers.export_workbook",
    ),
    # The way back for a workbook edited outside: the same code as `factdesk import-decisions`.
    ActionSpec(
        "import_decisions",
        QT_TRANSLATE_NOOP("actions", "Import deci&sions…"),
        ("Ctrl+Shift+I",),
        "file",
        "transfers.import_decisions",
        group_end=True,
    ),
    # The release the article was written from: proposed from the database, or a file.
    ActionSpec(
        "attach_source",
        QT_TRANSLATE_NOOP("actions", "Attach the source re&lease…"),
        ("Ctrl+Shift+R",),
        "file",
        "release_pane.attach",
    ),
    ActionSpec(
        "detach_source",
        QT_TRANSLATE_NOOP("actions", "Take the source release o&ff"),
        (),
        "file",
        "session.release.detach",
        group_end=True,
    ),
    # O for original.  Opening a database, rarer, moved to Ctrl+Shift+D (its mnemonic) for it.
    ActionSpec(
        "open_original",
        QT_TRANSLATE_NOOP("actions", "Open the o&riginal file"),
        ("Ctrl+Shift+O",),
        "file",
        "open_original",
        group_end=True,
    ),
    ActionSpec(
        "open_db",
        QT_TRANSLATE_NOOP("actions", "Open &database…"),
        ("Ctrl+Shift+D",),
        "file",
        "choose_database",
    ),
    ActionSpec(
        "new_db",
        QT_TRANSLATE_NOOP("actions", "&New database…"),
        ("Ctrl+Shift+N",),
        "file",
        "new_database",
        group_end=True,
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("actions", "&Quit"),
        (QKeySequence.StandardKey.Quit, "Ctrl+Q"),
        "file",
        "close",
    ),
    # Undo takes back a decision, so it is the review's too: Ctrl+Z in a field undoes the typing.
    ActionSpec("undo", QT_TRANSLATE_NOOP("actions", "&Undo"), ("Ctrl+Z",), "edit", "session.undo", REVIEW),
    ActionSpec(
        "redo",
        QT_TRANSLATE_NOOP("actions", "&Redo"),
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        "edit",
        "session.redo",
        REVIEW,
        group_end=True,
    ),
    # The memory of figures: after Y, the same figure stated elsewhere (还有 N 处相同数字) with the
    # claim's source tags, one undoable step.  Shift+Y beside Y, as Shift+X beside X.
    ActionSpec(
        "confirm_linked",
        QT_TRANSLATE_NOOP("actions", "Confirm the &same figure elsewhere"),
        ("Shift+Y",),
        "edit",
        "session.memory.confirm_linked",
        REVIEW,
        group_end=True,
    ),
    ActionSpec("search", QT_TRANSLATE_NOOP("actions", "&Search…"), ("Ctrl+F",), "edit", "focus_search"),
    ActionSpec(
        "publication_date",
        QT_TRANSLATE_NOOP("actions", "Set publication &date…"),
        (),
        "edit",
        "set_publication_date",
    ),
    # Also offered on opening a database an older detector read.
    ActionSpec(
        "redetect",
        QT_TRANSLATE_NOOP("actions", "Detect numbers a&gain"),
        (),
        "edit",
        "transfers.redetect",
    ),
    ActionSpec(
        "back",
        QT_TRANSLATE_NOOP("actions", "&Back to the article"),
        (QKeySequence.StandardKey.Cancel,),
        "edit",
        "back_to_article",
    ),
    ActionSpec(
        "next_claim",
        QT_TRANSLATE_NOOP("actions", "&Next claim"),
        ("J", "Down"),
        "review",
        "session.next_claim",
        REVIEW,
    ),
    ActionSpec(
        "prev_claim",
        QT_TRANSLATE_NOOP("actions", "&Previous claim"),
        ("K", "Up"),
        "review",
        "session.previous_claim",
        REVIEW,
    ),
    ActionSpec(
        "confirm",
        QT_TRANSLATE_NOOP("actions", "&Confirm"),
        ("Return", "Enter", "Y"),
        "review",
        "session.confirm",
        REVIEW,
    ),
    ActionSpec(
        "correct", QT_TRANSLATE_NOOP("actions", "C&orrect…"), ("E",), "review", "correct_current", REVIEW
    ),
    ActionSpec(
        "reject",
        QT_TRANSLATE_NOOP("actions", "&Reject: not a claim"),
        ("X",),
        "review",
        "session.reject",
        REVIEW,
    ),
    # The second reason on the same key, shifted: X (not a claim) is by far the commoner.
    ActionSpec(
        "reject_wrong",
        QT_TRANSLATE_NOOP("actions", "Reject: &wrong number"),
        ("Shift+X",),
        "review",
        "session.reject_wrong_number",
        REVIEW,
    ),
    ActionSpec(
        "skip",
        QT_TRANSLATE_NOOP("actions", "S&kip"),
        ("S",),
        "review",
        "session.next_claim",
        REVIEW,
        group_end=True,
    ),
    ActionSpec("tag", QT_TRANSLATE_NOOP("actions", "&Tag source…"), ("T",), "review", "tag_current", REVIEW),
    *_tag_actions(),
    ActionSpec(
        "note",
        QT_TRANSLATE_NOOP("actions", "Not&e…"),
        ("N",),
        "review",
        "note_current",
        REVIEW,
        group_end=True,
    ),
    # The checks: F walks the claims with an open flag, A and D act on the current claim's first.
    ActionSpec(
        "next_flag",
        QT_TRANSLATE_NOOP("actions", "Next &flagged claim"),
        ("F",),
        "review",
        "session.checks.next_flag",
        REVIEW,
    ),
    ActionSpec(
        "prev_flag",
        QT_TRANSLATE_NOOP("actions", "Previous fla&gged claim"),
        ("Shift+F",),
        "review",
        "session.checks.previous_flag",
        REVIEW,
    ),
    ActionSpec(
        "accept_flag",
        QT_TRANSLATE_NOOP("actions", "Accept the flag: wrong n&umber"),
        ("A",),
        "review",
        "session.checks.accept",
        REVIEW,
    ),
    ActionSpec(
        "dismiss_flag",
        QT_TRANSLATE_NOOP("actions", "&Dismiss the flag"),
        ("D",),
        "review",
        "session.checks.dismiss",
        REVIEW,
        group_end=True,
    ),
    ActionSpec(
        "confirm_matching",
        QT_TRANSLATE_NOOP("actions", "Confirm all that agree with the source re&lease"),
        ("Ctrl+Shift+Y",),
        "review",
        "session.release.confirm_matching",
        REVIEW,
        group_end=True,
    ),
    ActionSpec(
        "next_article",
        QT_TRANSLATE_NOOP("actions", "Next &article"),
        ("Ctrl+Down", "]"),
        "review",
        "session.next_article",
        REVIEW,
    ),
    ActionSpec(
        "prev_article",
        QT_TRANSLATE_NOOP("actions", "Pre&vious article"),
        ("Ctrl+Up", "["),
        "review",
        "session.previous_article",
        REVIEW,
    ),
    ActionSpec(
        "claim_list",
        QT_TRANSLATE_NOOP("actions", "Claim &list"),
        ("Ctrl+L",),
        "view",
        "focus_claim_list",
    ),
    ActionSpec(
        "release_view",
        QT_TRANSLATE_NOOP("actions", "Source &release beside the article"),
        ("Ctrl+R",),
        "view",
        "release_pane.toggle",
        checkable=True,
    ),
    ActionSpec(
        "pending_only",
        QT_TRANSLATE_NOOP("actions", "&Pending articles only"),
        ("Ctrl+Shift+P",),
        "view",
        "toggle_pending_only",
        checkable=True,
        group_end=True,
    ),
    # Ctrl+= as well as the standard Ctrl++: on most keyboards + needs Shift, = does not.
    ActionSpec(
        "zoom_in",
        QT_TRANSLATE_NOOP("actions", "Lar&ger text"),
        (QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
        "view",
        "article_view.zoom_in",
    ),
    ActionSpec(
        "zoom_out",
        QT_TRANSLATE_NOOP("actions", "&Smaller text"),
        (QKeySequence.StandardKey.ZoomOut, "Ctrl+-"),
        "view",
        "article_view.zoom_out",
    ),
    ActionSpec(
        "zoom_reset",
        QT_TRANSLATE_NOOP("actions", "&Normal text size"),
        ("Ctrl+0",),
        "view",
        "article_view.reset_zoom",
        group_end=True,
    ),
    ActionSpec(
        "lang_zh", QT_TRANSLATE_NOOP("actions", "中文（简体）"), (), "view", "use_chinese", checkable=True
    ),
    ActionSpec("lang_en", QT_TRANSLATE_NOOP("actions", "English"), (), "view", "use_english", checkable=True),
    ActionSpec(
        "help",
        QT_TRANSLATE_NOOP("actions", "&Keyboard shortcuts"),
        (QKeySequence.StandardKey.HelpContents, "F1"),
        "help",
        "show_shortcuts",
    ),
    ActionSpec("about", QT_TRANSLATE_NOOP("actions", "&About FactDesk"), (), "help", "show_about"),
)

MENUS = (
    ("file", QT_TRANSLATE_NOOP("actions", "&File")),
    ("edit", QT_TRANSLATE_NOOP("actions", "&Edit")),
    ("review", QT_TRANSLATE_NOOP("actions", "&Review")),
    ("view", QT_TRANSLATE_NOOP("actions", "&View")),
    ("help", QT_TRANSLATE_NOOP("actions", "&Help")),
)


def translated(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, None, n)


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            sequences.extend(QKeySequence.keyBindings(shortcut))
        else:
            sequences.append(QKeySequence(shortcut))
    unique: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


def build_actions(
    owner: QWidget, review: QWidget, slot_of: Callable[[ActionSpec], Callable[[], object]]
) -> dict[str, QAction]:
    """One QAction per spec, parented to `owner`.

    WINDOW actions are live anywhere in `owner`'s window; REVIEW actions only
    while `review` (the article view) or a child of it has the focus.  Both
    still work from the menus, whatever has the focus.
    """
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        number = int(spec.id.removeprefix("tag_")) if spec.id.startswith("tag_") else -1
        action = QAction(translated(spec.text, number), owner)
        action.setShortcuts(key_sequences(spec))
        action.setObjectName(f"action_{spec.id}")
        action.setCheckable(spec.checkable)
        action.triggered.connect(slot_of(spec))
        if spec.scope == REVIEW:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            review.addAction(action)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            owner.addAction(action)
        actions[spec.id] = action
    return actions


def retranslate(actions: dict[str, QAction]) -> None:
    for spec in ACTIONS:
        number = int(spec.id.removeprefix("tag_")) if spec.id.startswith("tag_") else -1
        actions[spec.id].setText(translated(spec.text, number))


def build_menus(bar: QMenuBar, actions: dict[str, QAction], before: dict[str, QMenu]) -> None:
    """The menus in MENUS order, each action in table order; `before` puts a submenu ahead of an action."""
    menus = {menu_id: bar.addMenu(translated(title)) for menu_id, title in MENUS}
    for spec in ACTIONS:
        menu = menus[spec.menu]
        if spec.id in before:
            menu.addMenu(before[spec.id])
            menu.addSeparator()
        menu.addAction(actions[spec.id])
        if spec.group_end:
            menu.addSeparator()
