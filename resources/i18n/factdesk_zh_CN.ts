<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Headline</source>
        <translation>文章标题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>No numbers</source>
        <translation>无数字</translation>
    </message>
    <message>
        <source>No numbers found in this article</source>
        <translation>本文未发现数字</translation>
    </message>
    <message>
        <source>{reviewed} of {claims} reviewed
Pending: {pending}
Confirmed: {confirmed}
Corrected: {corrected}
Rejected: {rejected}</source>
        <translation>已核 {reviewed} / {claims}
待核：{pending}
已确认：{confirmed}
已更正：{corrected}
已驳回：{rejected}</translation>
    </message>
    <message>
        <source>{date} (the copy gives no year: Edit → Set publication date…)</source>
        <translation>{date}（稿件未写年份：可用“编辑 → 设置发表日期…”补上）</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Has pending</source>
        <translation>有待核</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已核完</translation>
    </message>
    <message>
        <source>No numbers</source>
        <translation>无数字</translation>
    </message>
    <message>
        <source>Show all articles, those with numbers pending, those done, or those in which no number was found</source>
        <translation>显示全部文章、有待核数字的、已核完的，或未发现数字的文章</translation>
    </message>
    <message>
        <source>Search articles and claims (Ctrl+F)</source>
        <translation>搜索文章和数字（Ctrl+F）</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有匹配结果</translation>
    </message>
    <message>
        <source>Number: {text}</source>
        <translation>数字：{text}</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Choose an article to see its numbers.</source>
        <translation>请选择一篇文章查看其中的数字。</translation>
    </message>
    <message>
        <source>Add as number</source>
        <translation>添加为数字</translation>
    </message>
    <message>
        <source>Record the selected text as a number to check</source>
        <translation>把选中的文字记为待核数字</translation>
    </message>
    <message>
        <source>Reject: not a claim</source>
        <translation>驳回：非数字声明</translation>
    </message>
    <message>
        <source>Record the selected text as a false detection</source>
        <translation>把选中的文字记为误识别</translation>
    </message>
    <message>
        <source>{glyph} {status}: {text} → {value}</source>
        <translation>{glyph} {status}：{text} → {value}</translation>
    </message>
    <message>
        <source>{glyph} {status}: {text}</source>
        <translation>{glyph} {status}：{text}</translation>
    </message>
</context>
<context>
    <name>BackgroundKeying</name>
    <message>
        <source>Linking this database&apos;s figures with each other in the background…</source>
        <translation>正在后台比对本数据库各稿件中的相同数字…</translation>
    </message>
    <message>
        <source>Linking figures in the background: {done} of {total} articles…</source>
        <translation>正在后台比对各稿件中的相同数字：第 {done} / {total} 篇…</translation>
    </message>
    <message numerus="yes">
        <source>Figures linked: %n article(s) read.</source>
        <translation>
            <numerusform>数字比对完成：已读 %n 篇稿件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecksSection</name>
    <message>
        <source>No check involves this number.</source>
        <translation>没有涉及这个数字的核对。</translation>
    </message>
    <message>
        <source>{glyph} Source release: {label} — {why}</source>
        <translation>{glyph} 来源稿：{label} — {why}</translation>
    </message>
    <message>
        <source>Accept: wrong number (A)</source>
        <translation>采纳：数字有误 (A)</translation>
    </message>
    <message>
        <source>Reject the number as wrong, with this explanation as its note (undo: Ctrl+Z)</source>
        <translation>以“数字有误”驳回这个数字，并把这条说明记为备注（撤销：Ctrl+Z）</translation>
    </message>
    <message>
        <source>Dismiss (D)</source>
        <translation>忽略 (D)</translation>
    </message>
    <message>
        <source>The check is wrong here: do not show it again for this number</source>
        <translation>这条提示在此不成立：不再对这个数字显示</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>涉及数字：</translation>
    </message>
    <message>
        <source>Suggested:</source>
        <translation>建议改为：</translation>
    </message>
</context>
<context>
    <name>ClaimInspector</name>
    <message>
        <source>No claim selected</source>
        <translation>未选中数字</translation>
    </message>
    <message>
        <source>Verified before</source>
        <translation>已核实过</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>更正值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Approximation</source>
        <translation>约数</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>所在句子</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>Reject (X: not a claim; Shift+X: wrong number)</source>
        <translation>驳回（X：非数字声明；Shift+X：数字有误）</translation>
    </message>
    <message>
        <source>{file}, paragraph {line}</source>
        <translation>{file}，第 {line} 段</translation>
    </message>
    <message>
        <source>{file}, line {line}</source>
        <translation>{file}，第 {line} 行</translation>
    </message>
    <message>
        <source>{path}
Click the file name to open the original file.</source>
        <translation>{path}
点文件名打开原文件。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Confirm the number (Enter or Y)</source>
        <translation>确认该数字（Enter 或 Y）</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Correct the number (E)</source>
        <translation>更正该数字（E）</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Skip to the next claim (J)</source>
        <translation>跳到下一个数字（J）</translation>
    </message>
    <message>
        <source>Reject as</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <source>Why the claim is rejected</source>
        <translation>驳回的理由</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves</source>
        <translation>Ctrl+Enter 保存</translation>
    </message>
    <message>
        <source>A note for this claim</source>
        <translation>为该数字写备注</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Times changed</source>
        <translation>修改次数</translation>
    </message>
    <message numerus="yes">
        <source>Checks — %n open flag(s)</source>
        <translation>
            <numerusform>核对 — %n 条未处理提示</numerusform>
        </translation>
    </message>
    <message>
        <source>Stated elsewhere</source>
        <translation>别处写过</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>{low} – {high}</source>
        <translation>{low} – {high}</translation>
    </message>
    <message>
        <source>{editor}, {time}</source>
        <translation>{editor}，{time}</translation>
    </message>
    <message>
        <source>not decided yet</source>
        <translation>尚未核查</translation>
    </message>
</context>
<context>
    <name>ClaimListModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>原文数字</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源标签</translation>
    </message>
    <message>
        <source>{status}
{editor}, {time}</source>
        <translation>{status}
{editor}，{time}</translation>
    </message>
</context>
<context>
    <name>ClaimListPanel</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Claims of this article</source>
        <translation>本文的数字</translation>
    </message>
    <message>
        <source>{n} claims</source>
        <translation>共 {n} 个数字</translation>
    </message>
    <message>
        <source>{shown} of {total} claims</source>
        <translation>显示 {shown} / {total} 个数字</translation>
    </message>
</context>
<context>
    <name>CorrectionEditor</name>
    <message>
        <source>Corrected value, e.g. 1.3万</source>
        <translation>更正值，如 1.3万</translation>
    </message>
    <message>
        <source>Corrected value</source>
        <translation>更正值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Corrected unit</source>
        <translation>更正单位</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the corrected value (Enter)</source>
        <translation>保存更正值（Enter）</translation>
    </message>
    <message>
        <source>Corrected value, now {value}</source>
        <translation>更正值，当前为 {value}</translation>
    </message>
    <message>
        <source>The value says {written} but the unit field says {unit}</source>
        <translation>数值中写的是 {written}，但单位栏是 {unit}</translation>
    </message>
    <message>
        <source>= {value}</source>
        <translation>= {value}</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>{factor} times or more apart</source>
        <translation>相差 {factor} 倍以上</translation>
    </message>
    <message>
        <source>a {before} becomes a {after}</source>
        <translation>类型由{before}变为{after}</translation>
    </message>
    <message>
        <source>{before} → {after}: {why}. Save it? Enter saves, or change the value.</source>
        <translation>{before} → {after}：{why}。保存吗？再按 Enter 保存，或修改数值。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ExportRefusal</name>
    <message>
        <source>Cannot export to “{name}”: it is the review database in use (or one of its files); the export would overwrite it. Choose another .xlsx file name.</source>
        <translation>不能导出到“{name}”：这是正在使用的核查数据库（或它的附属文件），导出会覆盖它。请另选一个 .xlsx 文件名。</translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: it is a folder, a device or a pipe.</source>
        <translation>不能导出到“{name}”：它是文件夹、设备或管道，不是普通文件。</translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: the file name must end in .xlsx.</source>
        <translation>不能导出到“{name}”：导出文件名须以 .xlsx 结尾。</translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: it is an SQLite database (a backup or another review); it will not be overwritten.</source>
        <translation>不能导出到“{name}”：这是一个 SQLite 数据库（备份或另一个核查库），不会覆盖它。</translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: the file exists and is not an Excel workbook; it will not be overwritten.</source>
        <translation>不能导出到“{name}”：该文件已存在且不是 Excel 工作簿，不会覆盖它。</translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: the existing file cannot be read, so it cannot be judged safe to replace.</source>
        <translation>不能导出到“{name}”：无法读取这个已存在的文件，无法判断能否安全替换。</translation>
    </message>
    <message>
        <source>Cannot export to “{name}”: {reason}</source>
        <translation>不能导出到“{name}”：{reason}</translation>
    </message>
</context>
<context>
    <name>ExportScopeDialog</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>&amp;All articles</source>
        <translation>全部文章(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;This article: {headline}</source>
        <translation>当前文章(&amp;T)：{headline}</translation>
    </message>
    <message>
        <source>&amp;This article (none is open)</source>
        <translation>当前文章(&amp;T)（没有打开的文章）</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>A&amp;ll claims</source>
        <translation>全部数字(&amp;L)</translation>
    </message>
    <message>
        <source>As the claim list &amp;filters them: {filter}</source>
        <translation>按数字列表的筛选(&amp;F)：{filter}</translation>
    </message>
    <message>
        <source>As the claim list &amp;filters them (no filter is set)</source>
        <translation>按数字列表的筛选(&amp;F)（未设筛选）</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>status {status}</source>
        <translation>状态为{status}</translation>
    </message>
    <message>
        <source>kind {kind}</source>
        <translation>类型为{kind}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) will be exported.</source>
        <translation>
            <numerusform>将导出 %n 个数字。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>查找范围：</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <source>Articles (*.txt *.md *.markdown *.docx);;All files (*)</source>
        <translation>文章 (*.txt *.md *.markdown *.docx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Attach the source release</source>
        <translation>关联来源稿</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import decisions from a workbook</source>
        <translation>从核查表导入核查结果</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>FactDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>核数台数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>FactDesk databases (*.sqlite)</source>
        <translation>核数台数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation>最近的数据库</translation>
    </message>
</context>
<context>
    <name>FileRefusals</name>
    <message>
        <source>the file does not exist (moved or deleted?)</source>
        <translation>文件不存在（已被移动或删除？）</translation>
    </message>
    <message>
        <source>a loop of symbolic links that never reaches a file</source>
        <translation>符号链接循环指向自身，找不到实际文件</translation>
    </message>
    <message>
        <source>no permission to read the file or a folder on its path</source>
        <translation>没有读取该文件（或其所在文件夹）的权限</translation>
    </message>
    <message>
        <source>a folder, not a file (choose the files inside it)</source>
        <translation>这是文件夹，不是文件（请选择其中的文件）</translation>
    </message>
    <message>
        <source>not a regular file (a device, pipe or socket)</source>
        <translation>不是普通文件（设备、管道或套接字）</translation>
    </message>
    <message>
        <source>not a file type FactDesk reads (.txt, .md or .docx; save other documents as one)</source>
        <translation>FactDesk 不读取这种文件（只读 .txt、.md 和 .docx；其他文档请另存为其中一种）</translation>
    </message>
    <message>
        <source>the system could not read the file (check the drive or network share)</source>
        <translation>系统无法读取该文件（请检查磁盘或网络共享）</translation>
    </message>
    <message>
        <source>the file is too large to be one article page (split it and import the parts)</source>
        <translation>文件太大，不像一版稿件（请拆分后分别导入）</translation>
    </message>
    <message>
        <source>the file is empty or holds only blank space</source>
        <translation>文件是空的，或只有空白</translation>
    </message>
    <message>
        <source>not a text file (binary data)</source>
        <translation>不是文本文件（二进制数据）</translation>
    </message>
    <message>
        <source>the text is not Chinese in UTF-8, UTF-16 or GB18030 (save it again in UTF-8)</source>
        <translation>不是 UTF-8、UTF-16 或 GB18030 编码的中文文本（请另存为 UTF-8 后再导入）</translation>
    </message>
    <message>
        <source>not a Word document, or a damaged one (open it in Word and save it again)</source>
        <translation>不是 Word 文档，或文档已损坏（请用 Word 打开后重新保存）</translation>
    </message>
    <message>
        <source>FactDesk could not find the claims in this file (an internal error, logged)</source>
        <translation>FactDesk 未能识别此文件中的数字（内部错误，已记入日志）</translation>
    </message>
    <message>
        <source>{name}: {why}</source>
        <translation>{name}：{why}</translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <source>No changes yet</source>
        <translation>尚无修改</translation>
    </message>
    <message>
        <source>{time} · {editor} · {action}</source>
        <translation>{time} · {editor} · {action}</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>{field}: {before} → {after}</source>
        <translation>{field}：{before} → {after}</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ImportRefusals</name>
    <message>
        <source>“{name}” was refused before it was read: it is far larger inside than a workbook of decisions can be (a damaged or hostile file). Nothing was imported.</source>
        <translation>“{name}”在读取前就被拒绝了：它内部的数据远超一份核查表应有的大小（文件已损坏或有恶意）。没有导入任何内容。</translation>
    </message>
    <message>
        <source>“{name}” was not found. Nothing was imported.</source>
        <translation>找不到“{name}”。没有导入任何内容。</translation>
    </message>
    <message>
        <source>“{name}” is not an Excel workbook (.xlsx), or it is damaged. Nothing was imported.</source>
        <translation>“{name}”不是 Excel 工作簿（.xlsx），或者已经损坏。没有导入任何内容。</translation>
    </message>
    <message>
        <source>“{name}” cannot be read (it may be encrypted, or the disk reported an error). Nothing was imported.</source>
        <translation>无法读取“{name}”（可能已加密，或磁盘报告了错误）。没有导入任何内容。</translation>
    </message>
    <message>
        <source>“{name}” has no sheet named {sheet}, where FactDesk writes the decisions (its sheets: {sheets}). Nothing was imported.</source>
        <translation>“{name}”中没有名为“{sheet}”的工作表，核查结论写在这张表里（它的工作表：{sheets}）。没有导入任何内容。</translation>
    </message>
    <message>
        <source>The {sheet} sheet of “{name}” has no column headed {columns} in its first row, so it cannot say what was decided. Nothing was imported.</source>
        <translation>“{name}”的“{sheet}”表第一行没有“{columns}”列，无法知道核查结论。没有导入任何内容。</translation>
    </message>
    <message>
        <source>“{name}” names two review databases: its sheets were copied from another workbook. Export again. Nothing was imported.</source>
        <translation>“{name}”写着两个不同的核查数据库：它的工作表是从别的表格复制来的。请重新导出。没有导入任何内容。</translation>
    </message>
    <message>
        <source>“{name}” cannot be read as a FactDesk workbook. Nothing was imported.</source>
        <translation>“{name}”无法作为 FactDesk 核查表读取。没有导入任何内容。</translation>
    </message>
    <message>
        <source>the row has no {column}</source>
        <translation>这一行没有“{column}”</translation>
    </message>
    <message>
        <source>{column} holds a formula with no saved result; type the value itself, or open and save the workbook in a spreadsheet program</source>
        <translation>“{column}”是没有保存结果的公式；请直接填写数值，或在电子表格程序中打开并保存一次</translation>
    </message>
    <message>
        <source>{column} is longer than a cell and was changed in the workbook; edit long texts in FactDesk</source>
        <translation>“{column}”超过一个单元格的容量，又在表格中被改动过；长文字请在 FactDesk 中修改</translation>
    </message>
    <message>
        <source>its {column} “{value}” is not a whole number; export the workbook again</source>
        <translation>“{column}”的值“{value}”不是整数；请重新导出表格</translation>
    </message>
    <message>
        <source>the claim was decided again after the export (by {who}, {when}); export again to see the current decision</source>
        <translation>导出之后这个数字又被改过（{who}，{when}）；请重新导出，查看当前的结论</translation>
    </message>
    <message>
        <source>another editor</source>
        <translation>其他编辑</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Please wait: another import or export is running.</source>
        <translation>请稍候：另一个导入或导出正在进行。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>FactDesk</source>
        <translation>核数台</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Linking figures with the archive</source>
        <translation>正在与已有稿件比对数字</translation>
    </message>
    <message>
        <source>Imported {docs} file(s): {articles} article(s), {claims} claim(s).</source>
        <translation>已导入 {docs} 个文件：{articles} 篇文章，{claims} 个数字。</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>{name}: already imported</source>
        <translation>{name}：已导入过</translation>
    </message>
</context>
<context>
    <name>LinkedOffer</name>
    <message>
        <source>Confirm them</source>
        <translation>一并确认</translation>
    </message>
    <message>
        <source>Not now: do not offer it again for this number</source>
        <translation>暂不：不再为这个数字提示</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Confirm them ({key})</source>
        <translation>一并确认（{key}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FactDesk</source>
        <translation>核数台</translation>
    </message>
    <message>
        <source>Pending only</source>
        <translation>仅待核</translation>
    </message>
    <message>
        <source>Who is reviewing?</source>
        <translation>谁在核查？</translation>
    </message>
    <message>
        <source>Your name (saved with every decision):</source>
        <translation>您的名字（随每条核查记录保存）：</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>FactDesk — {name}</source>
        <translation>核数台 — {name}</translation>
    </message>
    <message>
        <source>Text size {percent}%</source>
        <translation>文字大小 {percent}%</translation>
    </message>
    <message>
        <source>About FactDesk</source>
        <translation>关于核数台</translation>
    </message>
    <message>
        <source>FactDesk {version}
Check every number in an article before it goes to print.</source>
        <translation>核数台 {version}
稿件付印前，逐一核对文中的每个数字。</translation>
    </message>
</context>
<context>
    <name>MemorySection</name>
    <message>
        <source>Open that article at this figure</source>
        <translation>打开那篇文章并定位到这个数字</translation>
    </message>
    <message>
        <source>no source tag</source>
        <translation>无来源标签</translation>
    </message>
    <message>
        <source>✓ Verified before, within rounding: {figure}, {sources}, {editor} {date}</source>
        <translation>✓ 已核实过（舍入范围内一致）：{figure}，{sources}，{editor} {date}</translation>
    </message>
    <message>
        <source>✓ Verified before: {figure}, {sources}, {editor} {date}</source>
        <translation>✓ 已核实过：{figure}，{sources}，{editor} {date}</translation>
    </message>
    <message>
        <source>⚑ Differs from {figure}, verified before ({sources}, {editor} {date}); here {stated}: {difference} apart ({relative})</source>
        <translation>⚑ 与已核实的 {figure}（{sources}，{editor} {date}）不一致：此处为 {stated}，相差 {difference}（{relative}）</translation>
    </message>
    <message>
        <source>⚑ Differs from {figure} stated elsewhere; here {stated}: {difference} apart ({relative})</source>
        <translation>⚑ 与别处写的 {figure} 不一致：此处为 {stated}，相差 {difference}（{relative}）</translation>
    </message>
    <message>
        <source>≈ Stated as {figure}, not verified yet:</source>
        <translation>≈ 别处写作 {figure}，尚未核实：</translation>
    </message>
    <message>
        <source>= Also stated as {figure}, not verified yet:</source>
        <translation>= 别处也写作 {figure}，尚未核实：</translation>
    </message>
    <message>
        <source>“{headline}”</source>
        <translation>《{headline}》</translation>
    </message>
</context>
<context>
    <name>NumberRefusals</name>
    <message>
        <source>No number was typed.</source>
        <translation>没有填写数字。</translation>
    </message>
    <message>
        <source>“{text}” is not written the way copy writes a figure (e.g. 13000, 1.3万, 一百二十, 12.5%).</source>
        <translation>“{text}”不是稿件中数字的写法（例如 13000、1.3万、一百二十、12.5%）。</translation>
    </message>
    <message>
        <source>“{text}” is too long for a figure: at most {limit} characters.</source>
        <translation>“{text}”太长，不像一个数字：最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>“{text}” is too large: a figure has at most {limit} digits before the point.</source>
        <translation>“{text}”太大了：小数点前最多 {limit} 位数字。</translation>
    </message>
    <message>
        <source>“{text}” has too many decimals: at most {limit} after the point.</source>
        <translation>“{text}”的小数位太多：小数点后最多 {limit} 位。</translation>
    </message>
    <message>
        <source>“{text}” is scientific notation; write the number out, e.g. 13000 or 1.3万.</source>
        <translation>“{text}”是科学记数法；请把数字写出来，例如 13000 或 1.3万。</translation>
    </message>
    <message>
        <source>“{text}” does not start with a number.</source>
        <translation>“{text}”开头不是数字。</translation>
    </message>
    <message>
        <source>“{text}” has words after the number that do not belong.</source>
        <translation>“{text}”的数字后面有不该有的文字。</translation>
    </message>
    <message>
        <source>“{text}” cannot be read as a number.</source>
        <translation>无法把“{text}”读作数字。</translation>
    </message>
</context>
<context>
    <name>OriginalFile</name>
    <message>
        <source>The original file “{name}” is no longer where it was imported from ({path}): it was moved, renamed or deleted, or its drive is not connected. Nothing was opened; the article&apos;s text is kept in the database, so the review goes on.</source>
        <translation>原文件“{name}”已不在导入时的位置（{path}）：它被移动、改名或删除了，或者所在的磁盘没有连接。没有打开任何文件；文章的文字保存在数据库里，核查照常进行。</translation>
    </message>
    <message>
        <source>The system has no program to open “{name}” ({path}).</source>
        <translation>系统中没有能打开“{name}”的程序（{path}）。</translation>
    </message>
    <message>
        <source>Opened “{name}”; it was changed after the import, so the line shown may no longer match.</source>
        <translation>已打开“{name}”；它在导入后被改过，显示的行号可能对不上了。</translation>
    </message>
    <message>
        <source>Opened “{name}”.</source>
        <translation>已打开“{name}”。</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>原文件</translation>
    </message>
</context>
<context>
    <name>PublicationDateDialog</name>
    <message>
        <source>Publication date</source>
        <translation>发表日期</translation>
    </message>
    <message>
        <source>The day {file} was published. Datelines seldom give a year; this one does.</source>
        <translation>{file} 的发表日期。电头很少写年份，文章日期的年份由此而来。</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>No publication date</source>
        <translation>不设发表日期</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>发表于</translation>
    </message>
</context>
<context>
    <name>ReleasePane</name>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>{name} — {headline}</source>
        <translation>{name} — {headline}</translation>
    </message>
    <message>
        <source>Attach the source release</source>
        <translation>关联来源稿</translation>
    </message>
    <message>
        <source>Documents this article was likely written from, most likely first:</source>
        <translation>本文可能依据的文件（最可能的在前）：</translation>
    </message>
</context>
<context>
    <name>ReleaseView</name>
    <message>
        <source>Attach…</source>
        <translation>关联…</translation>
    </message>
    <message>
        <source>No source release for this article. Attach one (Ctrl+Shift+R), or drop its file on the article.</source>
        <translation>本文尚未关联来源稿。可按 Ctrl+Shift+R 关联，或把来源稿文件拖到文章上。</translation>
    </message>
    <message>
        <source>Source release: {name} — {counts}</source>
        <translation>来源稿：{name} — {counts}</translation>
    </message>
    <message numerus="yes">
        <source>Confirm all that agree (%n)</source>
        <translation>
            <numerusform>确认所有一致的数字（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewChecks</name>
    <message>
        <source>No open check flags in this article.</source>
        <translation>本文没有未处理的核查提示。</translation>
    </message>
    <message>
        <source>The current claim has no open check flag.</source>
        <translation>当前数字没有未处理的核查提示。</translation>
    </message>
    <message>
        <source>Dismiss check: {explanation}</source>
        <translation>忽略提示：{explanation}</translation>
    </message>
</context>
<context>
    <name>ReviewMemory</name>
    <message numerus="yes">
        <source>{figure} verified: %n more place(s) state the same figure. Tag its source (T) to confirm them too.</source>
        <translation>
            <numerusform>{figure} 已核实：还有 %n 处相同数字；标注来源（T）后可一并确认。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{figure} verified: %n more place(s) state the same figure. Confirm them too?</source>
        <translation>
            <numerusform>{figure} 已核实：还有 %n 处相同数字，一并确认？</numerusform>
        </translation>
    </message>
    <message>
        <source>{offer} ({key})</source>
        <translation>{offer}（{key}）</translation>
    </message>
    <message>
        <source>Confirm or correct this number first; then the same figure elsewhere can follow it.</source>
        <translation>请先确认或更正这个数字，别处的相同数字才能随之确认。</translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n number(s) stating the same figure</source>
        <translation>
            <numerusform>一并确认 %n 处相同数字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) stating the same figure confirmed, tagged {sources}</source>
        <translation>
            <numerusform>已一并确认 %n 处相同数字，来源：{sources}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewRelease</name>
    <message>
        <source>The source release was taken off this article.</source>
        <translation>已取消本文与来源稿的关联。</translation>
    </message>
    <message>
        <source>Source release {name}: {same} same, {rounded} rounded, {others} to look at</source>
        <translation>来源稿 {name}：{same} 个一致，{rounded} 个约数，{others} 个待查看</translation>
    </message>
    <message>
        <source>No pending number agrees with the source release.</source>
        <translation>没有与来源稿一致的待核数字。</translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n number(s) that agree with the source release</source>
        <translation>
            <numerusform>确认 %n 个与来源稿一致的数字</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>Every claim in view is reviewed.</source>
        <translation>当前列表中的数字已全部核完。</translation>
    </message>
    <message>
        <source>Undone: {what}</source>
        <translation>已撤销：{what}</translation>
    </message>
    <message>
        <source>Redone: {what}</source>
        <translation>已重做：{what}</translation>
    </message>
    <message>
        <source>“{text}” is a claim already; it is selected.</source>
        <translation>“{text}”已经是一个数字了，已选中它。</translation>
    </message>
    <message>
        <source>“{text}” cannot be added as a claim. {why}</source>
        <translation>无法把“{text}”添加为数字。{why}</translation>
    </message>
    <message>
        <source>No detected number in the selection.</source>
        <translation>选中的文字中没有识别出的数字。</translation>
    </message>
</context>
<context>
    <name>ReviewStatusBar</name>
    <message>
        <source>Reviewed {reviewed} of {total}</source>
        <translation>已核 {reviewed} / {total}</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Editor: {name}</source>
        <translation>核查人：{name}</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Save the corrected value, or add the source tag typed</source>
        <translation>保存更正值，或添加输入的来源标签</translation>
    </message>
    <message>
        <source>Save the note</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>From the search box into its results</source>
        <translation>从搜索框进入搜索结果</translation>
    </message>
    <message>
        <source>Open the article, hit or claim chosen in a list</source>
        <translation>打开列表中选中的文章、搜索结果或数字</translation>
    </message>
    <message>
        <source>Next field</source>
        <translation>下一个输入项</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>In fields and lists</source>
        <translation>在输入框和列表中</translation>
    </message>
    <message>
        <source>Tag with a recent source</source>
        <translation>用最近的来源标签标记</translation>
    </message>
</context>
<context>
    <name>SourceChip</name>
    <message>
        <source>Remove source {tag}</source>
        <translation>移除来源 {tag}</translation>
    </message>
</context>
<context>
    <name>SourcesEditor</name>
    <message>
        <source>No sources yet</source>
        <translation>尚无来源</translation>
    </message>
    <message>
        <source>Add a source tag and press Enter</source>
        <translation>输入来源标签后按 Enter</translation>
    </message>
    <message>
        <source>Source tag</source>
        <translation>来源标签</translation>
    </message>
    <message>
        <source>{n} {tag}</source>
        <translation>{n} {tag}</translation>
    </message>
    <message>
        <source>Add source {tag} (key {n})</source>
        <translation>添加来源 {tag}（按键 {n}）</translation>
    </message>
</context>
<context>
    <name>StoreErrors</name>
    <message>
        <source>The database is in use by another program (perhaps an import in progress). Please try again in a moment; your change was not saved.</source>
        <translation>数据库正被另一个程序占用（可能是正在进行的导入），请稍后再试；你的操作没有保存。</translation>
    </message>
    <message>
        <source>The disk that holds the database is full. Free some space and try again; your change was not saved.</source>
        <translation>数据库所在的磁盘已满，请腾出空间后再试；你的操作没有保存。</translation>
    </message>
    <message>
        <source>The database cannot be written here (the file or its folder is read-only). Copy it to a folder you can write to and open it there; your change was not saved.</source>
        <translation>数据库在这里无法写入（文件或所在文件夹是只读的），请把它复制到可以写入的文件夹再打开；你的操作没有保存。</translation>
    </message>
    <message>
        <source>The database file is damaged. Stop working in it and restore the newest copy from the backups folder beside it; your change was not saved.</source>
        <translation>数据库文件已损坏，请停止在其中核查，并用同一文件夹下 backups 中最新的备份恢复；你的操作没有保存。</translation>
    </message>
    <message>
        <source>The disk reported an error reading or writing the database (a failing drive, a removed disk or a lost network share). Check it and try again; your change was not saved.</source>
        <translation>读写数据库时磁盘报错（硬盘故障、移动盘被拔出或网络共享断开），请检查后再试；你的操作没有保存。</translation>
    </message>
    <message>
        <source>“{status}” is not a status; use one of {choices}.</source>
        <translation>“{status}”不是核查状态；请用{choices}之一。</translation>
    </message>
    <message>
        <source>“{reason}” is not a reason for rejecting; use one of {choices}, or leave it empty.</source>
        <translation>“{reason}”不是驳回原因；请用{choices}之一，或留空。</translation>
    </message>
    <message>
        <source>There is no claim {claim} in this database (was its id changed?).</source>
        <translation>这个数据库中没有编号为 {claim} 的数字（编号是否被改过？）。</translation>
    </message>
    <message>
        <source>Set your name first: every decision records who made it.</source>
        <translation>请先设置您的名字：每条核查记录都会注明核查人。</translation>
    </message>
    <message>
        <source>A reason for rejecting goes only with the status {status}.</source>
        <translation>只有状态为“{status}”时才能填写驳回原因。</translation>
    </message>
    <message>
        <source>A corrected value goes only with the status {status}.</source>
        <translation>只有状态为“{status}”时才能填写更正值。</translation>
    </message>
    <message>
        <source>The status {status} needs the corrected value.</source>
        <translation>状态为“{status}”时需要填写更正值。</translation>
    </message>
    <message>
        <source>The corrected value says {written} but the unit given is {given}.</source>
        <translation>更正值写的单位是“{written}”，单位栏却是“{given}”。</translation>
    </message>
    <message>
        <source>A source tag cannot contain 、 , ， ; ； or a line break: “{tag}”.</source>
        <translation>来源标签不能包含 、 , ， ; ； 或换行：“{tag}”。</translation>
    </message>
    <message>
        <source>A source needs a tag.</source>
        <translation>来源需要填写标签。</translation>
    </message>
    <message>
        <source>The selection is not inside the article&apos;s text.</source>
        <translation>所选文字不在文章正文内。</translation>
    </message>
    <message>
        <source>“{text}” is not in the file as imported (FactDesk added it while repairing the layout).</source>
        <translation>“{text}”不在导入的原文件里（是核数台修复版式时加上的）。</translation>
    </message>
    <message>
        <source>“{text}” is a claim already.</source>
        <translation>“{text}”已经是一个数字。</translation>
    </message>
    <message>
        <source>“{date}” is not a date; write it as 2026-03-15.</source>
        <translation>“{date}”不是日期；请写成 2026-03-15 的形式。</translation>
    </message>
    <message>
        <source>This article has no source release yet: attach one first (File → Attach the source release…).</source>
        <translation>本文还没有关联来源稿：请先关联（文件 → 关联来源稿…）。</translation>
    </message>
    <message>
        <source>An article cannot be its own source release.</source>
        <translation>文章不能以自己为来源稿。</translation>
    </message>
    <message>
        <source>The release file {file} cannot be read: {reason}</source>
        <translation>无法读取来源稿文件 {file}：{reason}</translation>
    </message>
    <message>
        <source>The release file {file} could not be imported.</source>
        <translation>无法导入来源稿文件 {file}。</translation>
    </message>
    <message>
        <source>No pending number states this figure again with the same value: nothing to confirm.</source>
        <translation>没有待核的数字以相同数值再次写到这个数字，无需一并确认。</translation>
    </message>
    <message>
        <source>This number has no source tag to give the same figure elsewhere: tag its source (T) first.</source>
        <translation>这个数字还没有来源标签，无法带给别处的相同数字：请先标注来源（T）。</translation>
    </message>
    <message>
        <source>This check was dismissed already.</source>
        <translation>这条提示已被忽略。</translation>
    </message>
    <message>
        <source>This check is not dismissed: nothing to restore.</source>
        <translation>这条提示没有被忽略，无需恢复。</translation>
    </message>
    <message>
        <source>This check holds: only a failing check can be accepted as an error.</source>
        <translation>这条核对成立：只有不成立的核对才能作为错误采纳。</translation>
    </message>
    <message>
        <source>This check is on no claim, so there is nothing to reject or correct; dismiss it instead.</source>
        <translation>这条提示不在任何数字上，无法驳回或更正；请改为忽略。</translation>
    </message>
    <message>
        <source>The change could not be saved as given; nothing was written.</source>
        <translation>这项更改不符合要求，没有保存；数据库没有任何改动。</translation>
    </message>
    <message>
        <source>{who} changed this claim at {when}; it has been reloaded. Decide again if needed.</source>
        <translation>{who} 已于 {when} 修改了这个数字，已重新载入。如有需要请重新核查。</translation>
    </message>
    <message>
        <source>Another editor</source>
        <translation>其他编辑</translation>
    </message>
    <message>
        <source>This claim is no longer in the database (the article was detected again).</source>
        <translation>这个数字已不在数据库中（文章重新识别过）。</translation>
    </message>
    <message>
        <source>This article is no longer in the database.</source>
        <translation>这篇文章已不在数据库中。</translation>
    </message>
    <message>
        <source>This document is no longer in the database.</source>
        <translation>这份稿件已不在数据库中。</translation>
    </message>
    <message>
        <source>The checks no longer find this (the article changed since); nothing was saved.</source>
        <translation>重新核对后已找不到这条提示（文章已有改动）；未保存任何更改。</translation>
    </message>
    <message>
        <source>This workbook was exported from another review database (id {workbook}), not from this one (id {database}): its claim ids and versions mean nothing here, so nothing of it was imported. Import it into the database it came from, or export again from this one.</source>
        <translation>这份表格是从另一个核查数据库导出的（数据库编号 {workbook}），不是当前这个数据库（编号 {database}）：它的数字编号和版本在这里没有意义，因此一条也没有导入。请把它导入原来的数据库，或从当前数据库重新导出。</translation>
    </message>
    <message>
        <source>The path is a loop of symbolic links that never reaches a file.</source>
        <translation>这个路径是一圈互相指向的符号链接，找不到实际文件。</translation>
    </message>
    <message>
        <source>The file cannot be read ({detail}).</source>
        <translation>无法读取该文件（{detail}）。</translation>
    </message>
    <message>
        <source>This is not a file (a folder or a device?).</source>
        <translation>这不是文件（是文件夹或设备？）。</translation>
    </message>
    <message>
        <source>The file is too small to be a database: it is damaged, or not a FactDesk database.</source>
        <translation>文件太小，不可能是数据库：已损坏，或不是核数台数据库。</translation>
    </message>
    <message>
        <source>The database file is damaged ({detail}). Restore the newest copy from the backups folder beside it.</source>
        <translation>数据库文件已损坏（{detail}）。请用旁边备份文件夹中最新的副本恢复。</translation>
    </message>
    <message>
        <source>This is another program&apos;s database, not a FactDesk one.</source>
        <translation>这是其他程序的数据库，不是核数台数据库。</translation>
    </message>
    <message>
        <source>This is not a FactDesk database (not a database file at all).</source>
        <translation>这不是核数台数据库（根本不是数据库文件）。</translation>
    </message>
    <message>
        <source>This database was made by a newer FactDesk (schema version {version}; this one knows up to {latest}). Open it with a newer FactDesk.</source>
        <translation>这个数据库由更新版本的核数台创建（结构版本 {version}；本版本最高支持 {latest}）。请用新版核数台打开。</translation>
    </message>
    <message>
        <source>Another program changed this database (schema version {version} is not one FactDesk writes). Restore it from a backup.</source>
        <translation>这个数据库被其他程序改动过（结构版本 {version} 不是核数台会写入的）。请从备份恢复。</translation>
    </message>
    <message>
        <source>The database cannot be opened ({detail}).</source>
        <translation>无法打开数据库（{detail}）。</translation>
    </message>
    <message>
        <source>The database&apos;s folder cannot be created ({detail}).</source>
        <translation>无法创建数据库所在的文件夹（{detail}）。</translation>
    </message>
    <message>
        <source>There is no review database here yet, and it cannot be created read-only.</source>
        <translation>这里还没有核查数据库，而以只读方式无法创建。</translation>
    </message>
    <message>
        <source>{sentence} The file was not changed.</source>
        <translation>{sentence}文件没有被改动。</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Importing {n} file(s)…</source>
        <translation>正在导入 {n} 个文件…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>正在导出到 {name}…</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Newer detection rules</source>
        <translation>数字识别规则已更新</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) in this database were read by an older version of the number detection. Detect their numbers again with the current rules? Every decision is kept.</source>
        <translation>
            <numerusform>此数据库中有 %n 份文件是用旧版数字识别规则处理的。要按当前规则重新识别吗？所有核查决定都会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Detect again</source>
        <translation>重新识别</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Every document was read by the current detection rules.</source>
        <translation>所有文件都已按当前识别规则处理。</translation>
    </message>
    <message>
        <source>Detecting numbers again…</source>
        <translation>正在重新识别数字…</translation>
    </message>
    <message>
        <source>Detected again: {added} new number(s); {kept} decision(s) kept, {moved} moved with their text, {orphaned} left without their number</source>
        <translation>重新识别完成：新增 {added} 个数字；保留 {kept} 条核查决定，{moved} 条随原文移位，{orphaned} 条已找不到对应数字</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Exported {n} claim(s) to {path}</source>
        <translation>已导出 {n} 个数字到 {path}</translation>
    </message>
    <message>
        <source>Import decisions</source>
        <translation>导入核查结果</translation>
    </message>
    <message>
        <source>“{name}” does not say which review database it was exported from (an older FactDesk made it). Import its decisions only if it was exported from this database. Import them?</source>
        <translation>“{name}”没有注明是从哪个核查数据库导出的（由较早版本的 FactDesk 生成）。只有确定它是从当前数据库导出的，才应导入其中的核查结论。要导入吗？</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <source>Importing decisions from {name}…</source>
        <translation>正在从 {name} 导入核查结果…</translation>
    </message>
    <message>
        <source>Row {row} ({claim}): {why}</source>
        <translation>第 {row} 行（{claim}）：{why}</translation>
    </message>
    <message>
        <source>Row {row}: {why}</source>
        <translation>第 {row} 行：{why}</translation>
    </message>
    <message>
        <source>{changed} decision(s) imported from “{name}”, {refused} row(s) refused.</source>
        <translation>从“{name}”导入了 {changed} 条核查结论，{refused} 行未导入。</translation>
    </message>
    <message>
        <source>Import cancelled; what was imported before stays.</source>
        <translation>导入已取消；取消前导入的结论保留。</translation>
    </message>
    <message>
        <source>… and {n} more row(s).</source>
        <translation>……另有 {n} 行。</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Tag with recent source %n</source>
        <translation>标注最近来源 %n</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Import deci&amp;sions…</source>
        <translation>导入核查结果(&amp;S)…</translation>
    </message>
    <message>
        <source>Attach the source re&amp;lease…</source>
        <translation>关联来源稿(&amp;L)…</translation>
    </message>
    <message>
        <source>Take the source release o&amp;ff</source>
        <translation>取消关联来源稿(&amp;F)</translation>
    </message>
    <message>
        <source>Open the o&amp;riginal file</source>
        <translation>打开原文件(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;database…</source>
        <translation>打开数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Confirm the &amp;same figure elsewhere</source>
        <translation>一并确认相同数字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>Set publication &amp;date…</source>
        <translation>设置发表日期(&amp;D)…</translation>
    </message>
    <message>
        <source>Detect numbers a&amp;gain</source>
        <translation>重新识别数字(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Back to the article</source>
        <translation>返回文章（放弃输入）(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next claim</source>
        <translation>下一个数字(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous claim</source>
        <translation>上一个数字(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;orrect…</source>
        <translation>更正(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Reject: not a claim</source>
        <translation>驳回：非数字声明(&amp;R)</translation>
    </message>
    <message>
        <source>Not&amp;e…</source>
        <translation>备注(&amp;E)…</translation>
    </message>
    <message>
        <source>Next &amp;flagged claim</source>
        <translation>下一个有提示的数字(&amp;F)</translation>
    </message>
    <message>
        <source>Previous fla&amp;gged claim</source>
        <translation>上一个有提示的数字(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Dismiss the flag</source>
        <translation>忽略提示(&amp;D)</translation>
    </message>
    <message>
        <source>Confirm all that agree with the source re&amp;lease</source>
        <translation>确认所有与来源稿一致的数字(&amp;L)</translation>
    </message>
    <message>
        <source>Pre&amp;vious article</source>
        <translation>上一篇文章(&amp;V)</translation>
    </message>
    <message>
        <source>Source &amp;release beside the article</source>
        <translation>在文章旁显示来源稿(&amp;R)</translation>
    </message>
    <message>
        <source>Lar&amp;ger text</source>
        <translation>放大文字(&amp;G)</translation>
    </message>
    <message>
        <source>Reject: &amp;wrong number</source>
        <translation>驳回：数字有误(&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>跳过(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Tag source…</source>
        <translation>标注来源(&amp;T)…</translation>
    </message>
    <message>
        <source>Accept the flag: wrong n&amp;umber</source>
        <translation>采纳提示：数字有误(&amp;U)</translation>
    </message>
    <message>
        <source>Next &amp;article</source>
        <translation>下一篇文章(&amp;A)</translation>
    </message>
    <message>
        <source>Claim &amp;list</source>
        <translation>数字列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Pending articles only</source>
        <translation>只看有待核的文章(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>文字原始大小(&amp;0)</translation>
    </message>
    <message>
        <source>中文（简体）</source>
        <translation>中文（简体）</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About FactDesk</source>
        <translation>关于核数台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>核查(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>findings</name>
    <message>
        <source>Sum</source>
        <translation>加总</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>增减</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Number usage</source>
        <translation>数字用法</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>{glyph} {check}: {explanation}</source>
        <translation>{glyph} {check}：{explanation}</translation>
    </message>
    <message>
        <source>Dismissed by {who}, {when}</source>
        <translation>已忽略（{who}，{when}）</translation>
    </message>
    <message>
        <source>Accepted by {who}, {when}</source>
        <translation>已采纳（{who}，{when}）</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Rounded</source>
        <translation>约数</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>Not in the release</source>
        <translation>来源稿中没有</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source>Pending</source>
        <translation>待核</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>not a claim</source>
        <translation>非数字声明</translation>
    </message>
    <message>
        <source>wrong number</source>
        <translation>数字有误</translation>
    </message>
    <message>
        <source>{status} ({reason})</source>
        <translation>{status}（{reason}）</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>money</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>度量</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>about</source>
        <translation>约</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>多于</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>不少于</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>不多于</translation>
    </message>
    <message>
        <source>{word} ({meaning})</source>
        <translation>{word}（{meaning}）</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>核查决定</translation>
    </message>
    <message>
        <source>reattached</source>
        <translation>重新关联</translation>
    </message>
    <message>
        <source>orphaned</source>
        <translation>失去对应</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>{value} (typed {typed})</source>
        <translation>{value}（输入：{typed}）</translation>
    </message>
    <message>
        <source>Confirm “{text}”</source>
        <translation>确认“{text}”</translation>
    </message>
    <message>
        <source>Correct “{text}” to {value}</source>
        <translation>将“{text}”更正为 {value}</translation>
    </message>
    <message>
        <source>Reject “{text}” ({reason})</source>
        <translation>驳回“{text}”（{reason}）</translation>
    </message>
    <message>
        <source>Set “{text}” back to pending</source>
        <translation>将“{text}”改回待核</translation>
    </message>
    <message>
        <source>Sources of “{text}”</source>
        <translation>“{text}”的来源</translation>
    </message>
    <message>
        <source>Note on “{text}”</source>
        <translation>“{text}”的备注</translation>
    </message>
    <message>
        <source>Change to “{text}”</source>
        <translation>对“{text}”的修改</translation>
    </message>
</context>
</TS>
