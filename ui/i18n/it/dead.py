TEXT = {
    "dead.title": "Neuroni morti: unità che smettono di imparare per sempre",
    "dead.what_you_will_see": (
        "Diverse attivazioni si addestrano **insieme** sui dati dei nomi, con la stessa inizializzazione, gli stessi "
        "minibatch e lo stesso tasso di apprendimento (learning rate). Un'unità nascosta è **morta** quando non "
        "lascia passare alcun gradiente per *nessuno* dei primi {n:,} esempi di addestramento.  \n"
        "La pagina si apre con learning rate 1, dieci volte lo 0,1 della lezione: vedrai quante unità muoiono "
        "durante l'addestramento, quali, e quanto costano in termini di loss. **🩹 lr 0,1** è "
        "l'impostazione della lezione; gli altri pulsanti **Rompila** uccidono unità di proposito e i pulsanti "
        "**Curala** rimettono in sesto la rete."
    ),
    # -- controlli ---------------------------------------------------------------------------------
    "dead.acts": "Attivazioni da confrontare",
    "dead.acts_help": "Ogni attivazione addestra la propria copia della stessa rete, tutte in un'unica esecuzione in parallelo (al massimo 6).",
    "dead.lr": "Tasso di apprendimento lr (scala log)",
    "dead.lr_help": (
        "Il passo di SGD, costante per tutta l'esecuzione. La lezione usa 0,1; la pagina si apre con 1, dieci "
        "volte tanto."
    ),
    "dead.w1": "Scala iniziale di W1",
    "dead.w1_help": "W1 = randn × questo valore. La correzione della lezione per la tanh è 0,2 (qui Kaiming per la ReLU sarebbe √2/√30 ≈ 0,26).",
    "dead.b1": "Scala iniziale di b1",
    "dead.b1_help": (
        "b1 = randn × questo valore. 1 è il bias iniziale della lezione, prima della correzione; 0,01 la correzione. "
        "Un bias molto negativo tiene un'unità ReLU sotto lo zero per ogni input: morta dal passo 0."
    ),
    "dead.steps": "Passi di addestramento",
    "dead.steps_help": "Passi di SGD su minibatch da 32 esempi ciascuno. Più passi raccontano una parte maggiore della storia, ma l'addestramento richiede più tempo.",
    "dead.bn": "BatchNorm",
    "dead.bn_help": (
        "Uno strato di BatchNorm tra W1 e l'attivazione: normalizza la pre-attivazione di ogni unità sul batch (media 0, std 1, poi un guadagno e uno spostamento appresi). "
        "In questo caso b1 non ha effetto."
    ),
    "dead.pick_one": "Scegli almeno un'attivazione da addestrare.",
    "dead.break": "**Rompila:**",
    "dead.cure": "**Curala:**",
    "dead.preset.lr_high": "💥 lr alto",
    "dead.preset.lr_high_help": "Tasso di apprendimento 1,5 (inizializzazione pulita, senza BatchNorm): i passi grandi spingono le unità ReLU sul loro lato piatto, e alcune non tornano più.",
    "dead.preset.bias": "💥 Bias grandi",
    "dead.preset.bias_help": "Scala iniziale di b1 pari a 3 (tasso di apprendimento 0,1, senza BatchNorm): alcune unità stanno nella regione piatta fin dal primo passo.",
    "dead.preset.extreme": "💥 lr enorme",
    "dead.preset.extreme_help": "Tasso di apprendimento 10 (inizializzazione pulita, senza BatchNorm): le reti di tipo ReLU esplodono e le unità tanh saturano su ogni input.",
    "dead.preset.lr_low": "🩹 lr 0,1",
    "dead.preset.lr_low_help": "Riporta il tasso di apprendimento allo 0,1 della lezione.",
    "dead.preset.small_init": "🩹 Init piccola",
    "dead.preset.small_init_help": "W1 × 0,2, b1 × 0,01, la correzione della lezione: pesi piccoli e bias quasi nulli tengono ogni unità vicina al suo intervallo attivo.",
    "dead.preset.bn": "🩹 BatchNorm",
    "dead.preset.bn_help": "Attiva la BatchNorm: ogni unità viene ricentrata a ogni batch, quindi non può restare sul lato piatto.",
    "dead.preset.leaky": "🩹 Varianti leaky",
    "dead.preset.leaky_help": "Confronta la ReLU con Leaky ReLU, ELU e GELU, il cui gradiente sul lato negativo è piccolo ma non nullo.",
    "dead.preset.reset": "↺ Azzera",
    "dead.preset.reset_help": "Torna alle impostazioni predefinite (learning rate 1).",
    "dead.setup_caption": (
        "Ogni rete: embedding C ({v}×{e}) → W1 ({fan_in}×{h}) = randn × {w1}, b1 = randn × {b1}{bn} → attivazione → "
        "W2 = randn × 0,01, b2 = 0; batch 32, tasso di apprendimento costante {lr:g}, {steps:,} passi, seed 2147483647. "
        "Le unità morte sono contate in {checks} checkpoint (ogni {every} passi) sui primi {n:,} esempi di "
        "addestramento; le loss finali usano i primi {ntr:,} esempi di addestramento e {nval:,} di validazione "
        "(le parole sono mescolate, quindi è un campione equo; sull'intero insieme, come nella lezione, cambiano "
        "di circa 0,01)."
    ),
    "dead.setup_caption.bn": " (ignorato: BatchNorm attiva)",
    "dead.diverged_label": "{name} · divergenza al passo {step}",
    # -- grafico 1: unità morte nel tempo ----------------------------------------------------------
    "dead.time.header": "Quante unità muoiono, e quando",
    "dead.time.title": "Unità nascoste morte durante l'addestramento (su {h})",
    "dead.time.x": "passo di addestramento",
    "dead.time.y": "unità morte",
    "dead.time.color": "attivazione",
    "dead.time.pct": "% di coppie (esempio, unità) senza gradiente",
    "dead.time.alt": "Grafico a linee del numero di unità nascoste morte (su {h}) in funzione del passo di addestramento, una linea per attivazione. All'ultimo checkpoint: {summary}.",
    "dead.time.alt_item": "{name} {dead}",
    "dead.time.notice": (
        "Le linee che salgono sono unità perse per sempre: un'unità morta riceve gradiente zero, quindi niente in W1 "
        "o in b1 può rianimarla. Leaky ReLU ed ELU non possono mai morire (la loro pendenza non è mai esattamente 0); "
        "la ReLU sì, e anche la tanh quando viene spinta in saturazione. Le linee a 0 si sovrappongono. "
        "(Qui gli embedding continuano a imparare, quindi gli input si spostano e ogni tanto un'unità morta può "
        "tornare in vita: la linea può scendere un po'.)"
    ),
    "dead.time.notice_none": (
        "Con queste impostazioni non muore niente: ogni linea resta a 0. Premi un pulsante **Rompila** qui sopra per "
        "vedere cosa uccide le unità."
    ),
    # -- grafico 2: la mappa -----------------------------------------------------------------------
    "dead.map.header": "Quali unità sono morte alla fine",
    "dead.map.title": "Stato finale di ogni unità nascosta (passo {step:,})",
    "dead.map.subtitle": "Tonalità: quota dei {n:,} esempi su cui l'unità non lascia passare gradiente. Rosso: morta (su tutti).",
    "dead.map.x": "unità nascosta (indice del neurone)",
    "dead.map.y": "attivazione",
    "dead.map.frac": "quota di esempi senza gradiente",
    "dead.map.state": "stato",
    "dead.map.dead": "morta",
    "dead.map.alive": "viva",
    "dead.map.row": "{name} · {dead} morte",
    "dead.map.alt": "Mappa di calore di {h} unità nascoste (colonne) per ogni attivazione (righe), colorata in base a quanto spesso ogni unità non lascia passare gradiente, con le unità morte in rosso: {summary}.",
    "dead.map.notice": (
        "Ogni rete parte dagli stessi pesi casuali, quindi una colonna è la *stessa* unità sotto attivazioni diverse. "
        "Le celle grigie sono unità spente per una parte dei dati: è normale, e anzi utile."
    ),
    "dead.map.notice_pair": (
        "Ogni rete parte dagli stessi pesi casuali, quindi una colonna è la *stessa* unità sotto attivazioni diverse: "
        "l'unità {unit} è rossa con {dead} e bianca con {alive}, quindi è stata l'attivazione da sola a deciderne la "
        "morte. Le celle grigie sono unità spente per una parte dei dati: è normale, e anzi utile."
    ),
    "dead.map.none": "Nessuna variante ha completato l'addestramento, quindi non c'è uno stato finale da mostrare.",
    # -- tabella -----------------------------------------------------------------------------------
    "dead.table.header": "Il costo in numeri",
    "dead.table.activation": "attivazione",
    "dead.table.dead_start": "morte al passo 0",
    "dead.table.dead_end": "morte alla fine",
    "dead.table.pct": "% coppie senza gradiente (fine)",
    "dead.table.train": "loss finale (addestramento)",
    "dead.table.val": "loss finale (validazione)",
    "dead.table.status": "esito",
    "dead.table.ok": "completato",
    "dead.table.diverged": "divergenza al passo {step}",
    "dead.table.notice": (
        "Le unità morte sono capacità sprecata: confronta il numero di unità morte con le loss finali. La colonna % "
        "conta ogni coppia (esempio, unità) senza gradiente: la ReLU di solito sta vicino al 50% (ogni unità è spenta "
        "per una parte dei dati, e va bene così), mentre una funzione saturante vicina al 100% è quasi morta anche con "
        "0 unità morte (la tanh con un tasso di apprendimento alto). Un'esecuzione andata in divergenza non ha loss "
        "finale (—): la sua loss è diventata NaN/inf e l'addestramento si è fermato."
    ),
    # -- cause e cure --------------------------------------------------------------------------------
    "dead.causes.header": "Perché le unità muoiono",
    "dead.causes.body": (
        "Un'unità impara solo attraverso il suo gradiente locale f′(x), calcolato nella sua pre-attivazione "
        "x = embedding · W1 + b1. Dove f′(x) = 0 per ogni input, la colonna di W1 e la componente di b1 di "
        "quell'unità ricevono gradiente zero, per sempre.\n\n"
        "- **Tasso di apprendimento alto.** Un solo aggiornamento grande può spostare i pesi e il bias di un'unità "
        "ReLU così tanto che x < 0 per ogni input. Lì il gradiente della ReLU è esattamente 0, quindi nessun passo "
        'successivo può rimediare: Karpathy lo chiama "permanent brain damage" (un danno cerebrale permanente). '
        "Prova **💥 lr alto**: la ReLU parte con 0 unità morte e ne perde decine.\n"
        "- **Cattiva inizializzazione.** Bias grandi (o pesi grandi) mettono le unità nella regione piatta ancora "
        "prima che l'addestramento cominci. Prova **💥 Bias grandi**: alcune unità ReLU sono morte già al passo 0.\n"
        "- **Funzioni saturanti.** tanh e sigmoid non hanno un lato esattamente piatto, ma le loro code sono quasi "
        "piatte: un'unità tanh con |tanh(x)| > 0,99 su ogni input è bloccata allo stesso modo (la stessa regola dei "
        "pixel bianchi della lezione). Prova **💥 lr enorme**: la tanh perde la maggior parte "
        "delle sue unità mentre la famiglia ReLU esplode."
    ),
    "dead.cures.header": "Come tenere in vita le unità",
    "dead.cures.body": (
        "- **Tasso di apprendimento più basso** (0,1, quello della lezione): passi più piccoli raramente spingono "
        "un'unità del tutto fuori gioco.\n"
        "- **Inizializzazione piccola** (W1 × 0,2, b1 × 0,01, la correzione della lezione per la tanh): le "
        "pre-attivazioni partono vicino a 0, dove ogni attivazione ha una pendenza sana.\n"
        "- **BatchNorm**: la pre-attivazione di ogni unità viene ricentrata a ogni batch, quindi non può restare sul "
        "lato piatto per un batch intero (a meno che il suo spostamento appreso non si allontani molto). Cura anche "
        "l'inizializzazione con bias grandi, perché b1 viene sottratto.\n"
        "- **Leaky ReLU, ELU, GELU**: la loro pendenza per x < 0 è piccola ma non nulla, quindi un'unità dal lato "
        "sbagliato riceve comunque un segnale e può tornare indietro. Divergono comunque con un tasso di "
        "apprendimento troppo alto (vedi ELU a 1,5)."
    ),
}
