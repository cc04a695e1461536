"""Testi italiani di "Apri come notebook": i pulsanti del popover di condivisione e le parole del
notebook (etichette, numeri e titoli dei grafici vengono dal catalogo della pagina)."""

TEXT = {
    # il popover di condivisione
    "notebook.share.button": "Apri come notebook",
    "notebook.share.body": (
        "Questa vista come codice: un notebook Jupyter che addestra le stesse reti con le stesse impostazioni, "
        "stampa i numeri mostrati qui e disegna i grafici, in questa lingua. Lo script ha le stesse celle in un "
        "file Python semplice (VS Code e PyCharm aprono le sue celle anche come notebook)."
    ),
    "notebook.share.ipynb": "Notebook (.ipynb)",
    "notebook.share.ipynb_help": "Per Jupyter, JupyterLab, VS Code o Colab.",
    "notebook.share.py": "Script (.py)",
    "notebook.share.py_help": "Le stesse celle come script Python: eseguilo con `python` o apri le sue celle in un editor.",
    "notebook.share.upload": (
        "La tua lista di parole **{name}** non viene messa nel file: il notebook la legge da un percorso che "
        "imposti tu, e usa i nomi inclusi se non la trova."
    ),
    # la prima cella
    "notebook.intro.app": "Una vista dell'app *Attivazioni, gradienti e BatchNorm* (dalla lezione makemore parte 3 di Karpathy).",
    "notebook.intro.link": "Riapri questa vista nell'app: {link}",
    "notebook.intro.no_link": "Le impostazioni della vista nel link dell'app: `{query}`",
    "notebook.intro.defaults": "Le impostazioni della pagina, come si apre.",
    "notebook.intro.data_names": "**Dati:** i nomi di neonati statunitensi inclusi ({words:,} parole), come nella lezione.",
    "notebook.intro.data_upload": (
        "**Dati:** la tua lista di parole **{name}** ({words:,} parole). Il file non è dentro questo notebook: "
        "imposta `WORDS_FILE` nella cella dei dati con il suo percorso. Senza, il notebook usa i nomi "
        "statunitensi inclusi e i suoi numeri non sono quelli che hai visto."
    ),
    "notebook.intro.cells": (
        "Le celle: preparazione, i dati, le impostazioni della vista e la sua unica chiamata a `core.lessons`, "
        "i numeri che la pagina mostra, i suoi grafici e cose da provare. Eseguile dall'inizio (*Run All*)."
    ),
    # preparazione
    "notebook.setup.header": "## Preparazione",
    "notebook.setup.body": (
        "Installa il progetto una volta, dalla sua cartella (quella con `pyproject.toml`, che rende importabili "
        "`core` e `ui`): imposta `PROJECT` qui sotto ed esegui la cella. Il suo `requirements.txt` fissa le "
        "versioni esatte con cui è stato fatto questo notebook: {versions}. Già installato? Salta la cella."
    ),
    "notebook.setup.project": "la cartella del progetto (con pyproject.toml): imposta la tua",
    "notebook.setup.made_with": "le versioni con cui è stato fatto questo notebook (quelle fissate dal progetto)",
    "notebook.setup.differs": "{pkg} {have} qui, fatto con {want}: i numeri possono differire di poco",
    "notebook.setup.lang": "la lingua delle etichette e dei numeri",
    "notebook.setup.configure": "le impostazioni torch dell'app (un thread, denormali azzerati): i suoi numeri esatti",
    # dati
    "notebook.data.header": "## I dati",
    "notebook.data.names_comment": "i nomi inclusi, divisi 80/10/10 con il seme della lezione",
    "notebook.data.file_comment": "la lista di parole che hai caricato nell'app: imposta il suo percorso",
    "notebook.data.caption_file": (
        "Dati: {path}, {words:,} parole, {examples:,} esempi di addestramento, vocabolario di {vocab} caratteri."
    ),
    "notebook.data.same": "Uso {path}: le stesse parole dell'app.",
    "notebook.data.other": "Uso {path}: non sono le parole usate dall'app (un'altra versione del file?), quindi i numeri saranno diversi.",
    "notebook.data.missing": "{path} non trovato: uso i nomi inclusi (i numeri saranno diversi da quelli dell'app).",
    # impostazioni, numeri, grafici, passi successivi
    "notebook.settings.header": "## Le impostazioni della vista e la lezione",
    "notebook.settings.body": (
        "Le stesse impostazioni del link, come argomenti di `core.lessons.{fn}`, la funzione che chiama la pagina. "
        "Cambiane una ed esegui di nuovo il notebook."
    ),
    "notebook.numbers.header": "## I numeri della pagina",
    "notebook.numbers.body": "Stampati come li mostra la pagina (nella stessa lingua e con le stesse cifre).",
    "notebook.charts.header": "## I grafici",
    "notebook.charts.body": (
        "Disegnati con i costruttori di grafici dell'app (`ui/charts_*.py`) dai data frame restituiti dalla "
        "lezione: `{var}` li contiene tutti (prova `{var}.` e il tasto Tab)."
    ),
    "notebook.try.header": "## Cose da provare",
    "notebook.try.rerun": "Poi esegui di nuovo il notebook (*Run All*) e confronta con i numeri qui sopra.",
    # i passi successivi delle pagine (il codice tra apici inversi: un valore scritto come lo scrive Python)
    "notebook.try.saturation.fix": (
        "Imposta `w1=0.2` e `b1=0.01` (la correzione della lezione): quante unità sono ancora sature al passo 0?"
    ),
    "notebook.try.saturation.act": 'Imposta `activation="relu"` e `steps=1000`: quali unità sono morte dopo l\'addestramento?',
    "notebook.try.saturation.tanh": 'Imposta `activation="tanh"` e `w1=1.0`: quante unità saturano al passo 0?',
    "notebook.try.saturation.back": "Imposta `w1=1.0` e `b1=1.0` (la lezione prima della correzione): quante unità saturano?",
    "notebook.try.dead.lr": "Imposta `lr=0.1` (il tasso di apprendimento della lezione): muoiono ancora delle unità?",
    "notebook.try.dead.bn": "Imposta `batchnorm=True`: BatchNorm tiene vive le unità ReLU con questo tasso di apprendimento?",
    "notebook.try.dead.back": "Imposta `lr=1.0` (dieci volte quello della lezione): quale attivazione perde unità?",
    "notebook.try.loss.w2": 'Imposta `w2="0.01"` (la correzione della lezione): quanto si avvicina a −ln(1/V) la loss al passo 0?',
    "notebook.try.loss.w2_back": 'Imposta `w2="1"` (senza correzione): di quanto parte sopra −ln(1/V) la loss al passo 0?',
    "notebook.try.loss.logits": "In `sm_settings`, metti ogni logit a `0.0`: la loss è allora esattamente ln 4.",
    "notebook.try.deep.gain": "Imposta `gain=1.0`, poi `gain=3.0`: come cambia la std dell'ultimo strato?",
    "notebook.try.deep.bn": "Imposta `batchnorm=True` e `gain=0.5`: la rete resta sana con un guadagno sbagliato?",
    "notebook.try.deep.back": "Imposta `gain=5 / 3` (il guadagno di tanh): la std dovrebbe restare circa uguale attraverso gli strati.",
    "notebook.try.loss_log.steps": (
        "Imposta `steps=200_000` per l'addestramento completo della lezione (circa dieci volte più lungo) e "
        "confronta con la sua tabella."
    ),
    "notebook.try.loss_log.names": "Guarda `les.samples`: quale fase inventa i nomi più simili a nomi veri?",
    "notebook.try.batchnorm.act": 'Imposta `activation="relu"`: il gradiente di `b1` è ancora zero?',
    "notebook.try.batchnorm.mom": "Imposta `momentum=0.1`: le statistiche mobili raggiungono quelle calibrate?",
    # commenti e docstring nel codice del notebook (lo studente li legge nella sua lingua)
    "notebook.code.table": "la tabella della pagina: intestazione, e come scrive il numero",
    "notebook.code.dash": "—: diverge",
    "notebook.code.no_summary": "None quando la tua impostazione diverge prima dell'istantanea",
    "notebook.code.no_chart": "niente da disegnare quando la tua impostazione diverge prima dell'istantanea (la pagina non disegna nulla)",
    "notebook.code.bn_losses": "le loss finali: ★ le statistiche che BN usa in inferenza",
    "notebook.code.bn_phase": "0: all'inizializzazione, 1: dopo l'addestramento",
    "notebook.code.sat_ok": "misurata solo per le attivazioni simili a tanh",
    "notebook.code.nothing_trained": "None: nessun addestramento da mostrare",
    "notebook.code.vocab": "la dimensione del vocabolario della sezione 1",
    "notebook.code.scale_diverged": "None: la rete alla tua scala diverge",
    "notebook.code.made_up": "i nomi che inventa ogni fase addestrata ({n} campioni ciascuna)",
    "notebook.code.with_after": "Il numero all'inizializzazione e, come la pagina lo scrive sotto, dopo l'addestramento (o dove diverge).",
    "notebook.code.when": 'Una fase come la dice il titolo di un grafico: "all\'inizializzazione", "dopo 1000 passi".',
    "notebook.code.activations": 'Sezione 1 della pagina per la fase p ("init" o "after"): la distribuzione di h di ogni strato.',
}
