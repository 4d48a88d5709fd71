<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Headline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No numbers found in this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reviewed} of {claims} reviewed
Pending: {pending}
Confirmed: {confirmed}
Corrected: {corrected}
Rejected: {rejected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} (the copy gives no year: Edit → Set publication date…)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all articles, those with numbers pending, those done, or those in which no number was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search articles and claims (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Choose an article to see its numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add as number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the selected text as a number to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject: not a claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the selected text as a false detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{glyph} {status}: {text} → {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{glyph} {status}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundKeying</name>
    <message>
        <source>Linking this database&apos;s figures with each other in the background…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linking figures in the background: {done} of {total} articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Figures linked: %n article(s) read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecksSection</name>
    <message>
        <source>No check involves this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{glyph} Source release: {label} — {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept: wrong number (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject the number as wrong, with this explanation as its note (undo: Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check is wrong here: do not show it again for this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimInspector</name>
    <message>
        <source>No claim selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approximation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject (X: not a claim; Shift+X: wrong number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, paragraph {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}
Click the file name to open the original file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the number (Enter or Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the number (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip to the next claim (J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the claim is rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter saves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for this claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checks — %n open flag(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stated elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{low} – {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{editor}, {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not decided yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimListModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status}
{editor}, {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimListPanel</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims of this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} claims</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionEditor</name>
    <message>
        <source>Corrected value, e.g. 1.3万</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the corrected value (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected value, now {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value says {written} but the unit field says {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{factor} times or more apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {before} becomes a {after}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{before} → {after}: {why}. Save it? Enter saves, or change the value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportRefusal</name>
    <message>
        <source>Cannot export to “{name}”: it is the review database in use (or one of its files); the export would overwrite it. Choose another .xlsx file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: it is a folder, a device or a pipe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: the file name must end in .xlsx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: it is an SQLite database (a backup or another review); it will not be overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: the file exists and is not an Excel workbook; it will not be overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: the existing file cannot be read, so it cannot be judged safe to replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportScopeDialog</name>
    <message>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This article: {headline}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This article (none is open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ll claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the claim list &amp;filters them: {filter}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the claim list &amp;filters them (no filter is set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) will be exported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles (*.txt *.md *.markdown *.docx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the source release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import decisions from a workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FactDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FactDesk databases (*.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileRefusals</name>
    <message>
        <source>the file does not exist (moved or deleted?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a loop of symbolic links that never reaches a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no permission to read the file or a folder on its path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder, not a file (choose the files inside it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file (a device, pipe or socket)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a file type FactDesk reads (.txt, .md or .docx; save other documents as one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system could not read the file (check the drive or network share)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is too large to be one article page (split it and import the parts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty or holds only blank space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a text file (binary data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is not Chinese in UTF-8, UTF-16 or GB18030 (save it again in UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Word document, or a damaged one (open it in Word and save it again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FactDesk could not find the claims in this file (an internal error, logged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <source>No changes yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} · {editor} · {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {before} → {after}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportRefusals</name>
    <message>
        <source>“{name}” was refused before it was read: it is far larger inside than a workbook of decisions can be (a damaged or hostile file). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was not found. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not an Excel workbook (.xlsx), or it is damaged. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” cannot be read (it may be encrypted, or the disk reported an error). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” has no sheet named {sheet}, where FactDesk writes the decisions (its sheets: {sheets}). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {sheet} sheet of “{name}” has no column headed {columns} in its first row, so it cannot say what was decided. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” names two review databases: its sheets were copied from another workbook. Export again. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” cannot be read as a FactDesk workbook. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has no {column}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column} holds a formula with no saved result; type the value itself, or open and save the workbook in a spreadsheet program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column} is longer than a cell and was changed in the workbook; edit long texts in FactDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its {column} “{value}” is not a whole number; export the workbook again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the claim was decided again after the export (by {who}, {when}); export again to see the current decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another editor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Please wait: another import or export is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FactDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Linking figures with the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {docs} file(s): {articles} article(s), {claims} claim(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: already imported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkedOffer</name>
    <message>
        <source>Confirm them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now: do not offer it again for this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm them ({key})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FactDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is reviewing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (saved with every decision):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FactDesk — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About FactDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FactDesk {version}
Check every number in an article before it goes to print.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemorySection</name>
    <message>
        <source>Open that article at this figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no source tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Verified before, within rounding: {figure}, {sources}, {editor} {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Verified before: {figure}, {sources}, {editor} {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚑ Differs from {figure}, verified before ({sources}, {editor} {date}); here {stated}: {difference} apart ({relative})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚑ Differs from {figure} stated elsewhere; here {stated}: {difference} apart ({relative})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ Stated as {figure}, not verified yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= Also stated as {figure}, not verified yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{headline}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberRefusals</name>
    <message>
        <source>No number was typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not written the way copy writes a figure (e.g. 13000, 1.3万, 一百二十, 12.5%).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is too long for a figure: at most {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is too large: a figure has at most {limit} digits before the point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” has too many decimals: at most {limit} after the point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is scientific notation; write the number out, e.g. 13000 or 1.3万.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” does not start with a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” has words after the number that do not belong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” cannot be read as a number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OriginalFile</name>
    <message>
        <source>The original file “{name}” is no longer where it was imported from ({path}): it was moved, renamed or deleted, or its drive is not connected. Nothing was opened; the article&apos;s text is kept in the database, so the review goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system has no program to open “{name}” ({path}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened “{name}”; it was changed after the import, so the line shown may no longer match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublicationDateDialog</name>
    <message>
        <source>Publication date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day {file} was published. Datelines seldom give a year; this one does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No publication date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReleasePane</name>
    <message>
        <source>Choose a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — {headline}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the source release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents this article was likely written from, most likely first:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReleaseView</name>
    <message>
        <source>Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source release for this article. Attach one (Ctrl+Shift+R), or drop its file on the article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source release: {name} — {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Confirm all that agree (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewChecks</name>
    <message>
        <source>No open check flags in this article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current claim has no open check flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss check: {explanation}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewMemory</name>
    <message numerus="yes">
        <source>{figure} verified: %n more place(s) state the same figure. Tag its source (T) to confirm them too.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{figure} verified: %n more place(s) state the same figure. Confirm them too?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{offer} ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm or correct this number first; then the same figure elsewhere can follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n number(s) stating the same figure</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) stating the same figure confirmed, tagged {sources}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewRelease</name>
    <message>
        <source>The source release was taken off this article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source release {name}: {same} same, {rounded} rounded, {others} to look at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pending number agrees with the source release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n number(s) that agree with the source release</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>Every claim in view is reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redone: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is a claim already; it is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” cannot be added as a claim. {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No detected number in the selection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewStatusBar</name>
    <message>
        <source>Reviewed {reviewed} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Save the corrected value, or add the source tag typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the search box into its results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the article, hit or claim chosen in a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In fields and lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag with a recent source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceChip</name>
    <message>
        <source>Remove source {tag}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourcesEditor</name>
    <message>
        <source>No sources yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a source tag and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} {tag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add source {tag} (key {n})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreErrors</name>
    <message>
        <source>The database is in use by another program (perhaps an import in progress). Please try again in a moment; your change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk that holds the database is full. Free some space and try again; your change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be written here (the file or its folder is read-only). Copy it to a folder you can write to and open it there; your change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged. Stop working in it and restore the newest copy from the backups folder beside it; your change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk reported an error reading or writing the database (a failing drive, a removed disk or a lost network share). Check it and try again; your change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{status}” is not a status; use one of {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{reason}” is not a reason for rejecting; use one of {choices}, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no claim {claim} in this database (was its id changed?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set your name first: every decision records who made it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason for rejecting goes only with the status {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A corrected value goes only with the status {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status {status} needs the corrected value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The corrected value says {written} but the unit given is {given}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A source tag cannot contain 、 , ， ; ； or a line break: “{tag}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A source needs a tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selection is not inside the article&apos;s text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not in the file as imported (FactDesk added it while repairing the layout).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is a claim already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{date}” is not a date; write it as 2026-03-15.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This article has no source release yet: attach one first (File → Attach the source release…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An article cannot be its own source release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release file {file} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release file {file} could not be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pending number states this figure again with the same value: nothing to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number has no source tag to give the same figure elsewhere: tag its source (T) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This check was dismissed already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This check is not dismissed: nothing to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This check holds: only a failing check can be accepted as an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This check is on no claim, so there is nothing to reject or correct; dismiss it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be saved as given; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} changed this claim at {when}; it has been reloaded. Decide again if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This claim is no longer in the database (the article was detected again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This article is no longer in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document is no longer in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks no longer find this (the article changed since); nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workbook was exported from another review database (id {workbook}), not from this one (id {database}): its claim ids and versions mean nothing here, so nothing of it was imported. Import it into the database it came from, or export again from this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path is a loop of symbolic links that never reaches a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a file (a folder or a device?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too small to be a database: it is damaged, or not a FactDesk database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged ({detail}). Restore the newest copy from the backups folder beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is another program&apos;s database, not a FactDesk one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a FactDesk database (not a database file at all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was made by a newer FactDesk (schema version {version}; this one knows up to {latest}). Open it with a newer FactDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program changed this database (schema version {version} is not one FactDesk writes). Restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database&apos;s folder cannot be created ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no review database here yet, and it cannot be created read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sentence} The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Importing {n} file(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer detection rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) in this database were read by an older version of the number detection. Detect their numbers again with the current rules? Every decision is kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Detect again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every document was read by the current detection rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting numbers again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected again: {added} new number(s); {kept} decision(s) kept, {moved} moved with their text, {orphaned} left without their number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} claim(s) to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” does not say which review database it was exported from (an older FactDesk made it). Import its decisions only if it was exported from this database. Import them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing decisions from {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row} ({claim}): {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{changed} decision(s) imported from “{name}”, {refused} row(s) refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; what was imported before stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {n} more row(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Tag with recent source %n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import deci&amp;sions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the source re&amp;lease…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the source release o&amp;ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the o&amp;riginal file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the &amp;same figure elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set publication &amp;date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect numbers a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;orrect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject: not a claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not&amp;e…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;flagged claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous fla&amp;gged claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss the flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm all that agree with the source re&amp;lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source &amp;release beside the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lar&amp;ger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject: &amp;wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tag source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the flag: wrong n&amp;umber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pending articles only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中文（简体）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About FactDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>findings</name>
    <message>
        <source>Sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{glyph} {check}: {explanation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed by {who}, {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted by {who}, {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Different</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the release</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{word} ({meaning})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reattached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orphaned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} (typed {typed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct “{text}” to {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject “{text}” ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set “{text}” back to pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources of “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change to “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
