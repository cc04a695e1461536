TEXT = {
    "saturation.title": "Saturazione della tanh",
    "saturation.what": (
        "L'MLP della lezione (dati dei nomi, 200 unità tanh) su un minibatch: dove cadono le sue pre-attivazioni x "
        "e quali unità vengono spinte verso ±1, dove la tanh è piatta.  \n"
        "Sposta W1 e b1 (o clicca un preset) e guarda la mappa bianca delle unità sature riempirsi o svuotarsi, "
        "e quanto gradiente lascia ancora passare 1 − t²."
    ),
    # controlli
    "saturation.act.label": "Attivazione",
    "saturation.act.help": "Qualsiasi funzione del registro (con i suoi parametri predefiniti). La lezione usa tanh.",
    "saturation.w1.label": "Scala di W1",
    "saturation.w1.help": (
        "W1 = randn(30, 200) × questo valore. La lezione parte da 1.0, poi usa 0.2; l'inizializzazione di Kaiming "
        "usa guadagno / √fan_in = (5/3) / √30 ≈ 0.304 per la tanh."
    ),
    "saturation.w1.short": "Scala di W1",
    "saturation.b1.label": "Scala di b1",
    "saturation.b1.help": "b1 = randn(200) × questo valore. La lezione parte da 1.0, poi usa 0.01.",
    "saturation.b1.short": "Scala di b1",
    "saturation.presets.label": "Preset (impostano i due cursori qui sopra):",
    "saturation.preset.before": "Prima della correzione (W1 × 1.0, b1 × 1.0)",
    "saturation.preset.before_help": "Pesi e bias randn così come escono: pre-attivazioni ampie, molte unità sature.",
    "saturation.preset.fix": "Correzione della lezione (W1 × 0.2, b1 × 0.01)",
    "saturation.preset.fix_help": "La correzione tarata a mano nella lezione: ridurre W1 e b1 perché x resti dove la tanh ha pendenza.",
    "saturation.preset.kaiming": "Kaiming (W1 × {w1:.3f}, b1 × 0.01)",
    "saturation.preset.kaiming_help": (
        "Scala di W1 = guadagno / √fan_in = {gain:.3f} / √{fan_in} ≈ {w1:.3f}: il guadagno consigliato per {act} "
        "(5/3 per la tanh, come torch.nn.init.calculate_gain), cioè MLPConfig.kaiming_gain."
    ),
    "saturation.thr.label": "Soglia di saturazione",
    "saturation.thr.help": (
        "Per la tanh un'unità è considerata satura quando |h| > questa soglia (la mappa della lezione usa 0.99, la "
        "sua percentuale 0.97). Per le altre funzioni saturanti: quando f'(x) < (1 − soglia²) × la sua pendenza "
        "massima. La famiglia ReLU non ha soglia: un'unità è inattiva quando il suo gradiente è esattamente 0."
    ),
    "saturation.steps.label": "Passi di addestramento prima dell'istantanea",
    "saturation.steps.help": (
        "0 = la rete all'inizializzazione. N = dopo N passi di SGD (batch 32, lr 0.1), così puoi vedere se "
        "l'addestramento recupera le unità sature oppure no."
    ),
    "saturation.fixed": (
        "Fissi per ogni esecuzione: W2 × 0.01 e b2 = 0 (la lezione sistema prima la softmax), lr 0.1, batch 32, "
        "il seed della lezione 2147483647. La tua impostazione e i tre preset si addestrano insieme sugli stessi minibatch."
    ),
    "saturation.variant.title": "impostazione",
    "saturation.variant.yours": "La tua impostazione",
    "saturation.variant.before": "Prima della correzione",
    "saturation.variant.fix": "Correzione della lezione",
    "saturation.variant.kaiming": "Kaiming",
    "saturation.snapshot.init": (
        "Istantanea: il primo minibatch (32 esempi × 200 unità nascoste) all'inizializzazione, prima di qualsiasi aggiornamento."
    ),
    "saturation.snapshot.after": (
        "Istantanea: il minibatch del passo {n} (32 esempi × 200 unità nascoste), cioè la rete dopo {n} aggiornamenti di SGD."
    ),
    "saturation.no_snapshot": (
        "Con la tua impostazione l'addestramento diverge al passo {step}, prima dell'istantanea, quindi non c'è "
        "nessun minibatch da mostrare. Scegli meno di {step} passi di addestramento, oppure scale più piccole. "
        "La loss qui sotto si ferma dove diverge."
    ),
    # cosa significa il bianco
    "saturation.state.title": "unità su questo esempio",
    "saturation.state.off": "attiva (il gradiente passa)",
    "saturation.state.on.tanh": "satura (|h| > {thr:.3f})",
    "saturation.state.on.saturating": "satura (f′ < {frac:.3g} × max f′)",
    "saturation.state.on.zero": "inattiva (f′(x) = 0)",
    "saturation.state.on.never": "inattiva (mai, per maxout)",
    # metriche
    "saturation.metric.pct.tanh": "Unità sature",
    "saturation.metric.pct.saturating": "Unità sature",
    "saturation.metric.pct.zero": "Unità inattive (gradiente nullo)",
    "saturation.metric.pct.never": "Unità inattive",
    "saturation.metric.pct_value": "{pct:.1f} %",
    "saturation.metric.pct_help.tanh": "Quota delle 32 × 200 coppie (esempio, unità) con |h| > {thr:.3f}.",
    "saturation.metric.pct_help.saturating": (
        "Quota delle 32 × 200 coppie (esempio, unità) in cui la pendenza f'(x) è sotto (1 − {thr:.3f}²) del suo "
        "massimo: la stessa regola di |h| > {thr:.3f} per la tanh."
    ),
    "saturation.metric.pct_help.zero": (
        "Quota delle 32 × 200 coppie (esempio, unità) in cui f'(x) = 0 esattamente (per la ReLU: x < 0). "
        "Il cursore della soglia qui non si applica."
    ),
    "saturation.metric.pct_help.never": "Maxout passa il gradiente al suo pezzo vincente, quindi nessuna unità è mai inattiva.",
    "saturation.metric.dead": "Unità morte in questo batch",
    "saturation.metric.dead_value": "{dead} / {n}",
    "saturation.metric.dead_help": (
        "Unità inattive su tutti i 32 esempi: una colonna interamente bianca della mappa. Su questo batch non "
        "lasciano passare (quasi) nessun gradiente, quindi i loro pesi non ne imparano (quasi) nulla."
    ),
    "saturation.metric.local": "Gradiente locale medio f′(x)",
    "saturation.metric.local_help": (
        "Il fattore medio per cui l'attivazione moltiplica il gradiente in arrivo (per la tanh: 1 − h², al massimo 1; "
        "per la sigmoid al massimo 0.25; per la ReLU 0 o 1)."
    ),
    "saturation.metric.dx": "|dL/dx| medio",
    "saturation.metric.dx_help": (
        "L'ampiezza media del gradiente che raggiunge le pre-attivazioni: f'(x) × dL/dh su questo minibatch. "
        "È da qui che imparano W1 e b1."
    ),
    # istogrammi
    "saturation.hist.y": "coppie (esempio, unità)",
    "saturation.hist.from": "da",
    "saturation.hist.to": "a",
    "saturation.hist.pre.title": "Pre-attivazioni x = emb · W1 + b1",
    "saturation.hist.pre.x": "pre-attivazione x",
    "saturation.hist.pre.alt": (
        "Istogramma delle 6400 pre-attivazioni del minibatch, std {std:.2f}; le barre arancioni sono unità inattive."
    ),
    "saturation.hist.pre.notice.tanh": (
        "Qui std(x) = {std:.2f}. Ogni x oltre le linee tratteggiate (dove tanh(x) = ±soglia) cade nella parte "
        "piatta della tanh (in arancione). Prima della correzione std(x) ≈ 5.7; la correzione della lezione "
        "(W1 × 0.2, b1 × 0.01) la riduce a circa 1.1."
    ),
    "saturation.hist.pre.notice.saturating": (
        "Qui std(x) = {std:.2f}. Le x arancioni cadono dove la funzione è piatta; W1 e b1 più piccoli restringono "
        "questo istogramma e riportano x dove la pendenza è grande."
    ),
    "saturation.hist.pre.notice.zero": (
        "Qui std(x) = {std:.2f}. Ogni x negativa è arancione: lì la funzione è piatta. Ridurre insieme W1 e b1 "
        "non cambia questa quota: la ReLU non ha una saturazione a ±1 da correggere, conta solo il segno di x."
    ),
    "saturation.hist.pre.notice.never": "Qui std(x) = {std:.2f}: il pezzo vincente di ogni unità maxout.",
    "saturation.hist.pre.rule": "±{x:.2f}",
    "saturation.hist.h.title": "Attivazioni h = f(x)",
    "saturation.hist.h.x": "attivazione h",
    "saturation.hist.h.rule": "±{thr:.3f}",
    "saturation.hist.h.alt": "Istogramma delle 6400 attivazioni h del minibatch; il {pct:.1f} % è inattivo (in arancione).",
    "saturation.hist.h.notice.tanh": (
        "Fuori dalle linee tratteggiate a ±{thr:.3f} la tanh è satura: lì si accumula il {pct:.1f} % dei valori. "
        "Prima della correzione h vale quasi sempre ±1; dopo, h si distribuisce su (−1, 1)."
    ),
    "saturation.hist.h.notice.saturating": (
        "Le barre arancioni sono gli output vicini alle estremità piatte della funzione (il {pct:.1f} % dei valori)."
    ),
    "saturation.hist.h.notice.zero": (
        "La barra arancione in h = 0 raccoglie le unità con input negativo: il loro gradiente è esattamente 0 "
        "({pct:.1f} %). La ReLU non satura per x > 0, ma è piatta per x < 0."
    ),
    "saturation.hist.h.notice.never": "Maxout restituisce il più grande dei suoi pezzi; nessun valore è piatto per tutti.",
    # la mappa
    "saturation.map.title": "La mappa di saturazione: bianco = {white}",
    "saturation.map.x": "unità nascosta (neurone)",
    "saturation.map.y": "esempio del minibatch",
    "saturation.map.alt": (
        "Una griglia 32 per 200 di esempi per unità nascoste, bianca dove l'unità è inattiva: {pct:.1f} % di bianco, "
        "{dead} colonne interamente bianche."
    ),
    "saturation.map.notice.tanh": (
        "Il grafico della lezione: il {pct:.1f} % è bianco. Una colonna interamente bianca (qui {dead}) è un'unità "
        "satura su ogni esempio: un neurone morto per questo batch. Con W1 × 1.0 la mappa è quasi tutta bianca; "
        "con W1 × 0.2 quasi tutta nera."
    ),
    "saturation.map.notice.saturating": (
        "Il {pct:.1f} % è bianco, {dead} colonne sono interamente bianche (unità che da questo batch non imparano nulla)."
    ),
    "saturation.map.notice.zero": (
        "Il {pct:.1f} % è bianco: qui bianco significa x < 0, la metà piatta della funzione, non saturazione a ±1. "
        "Una colonna interamente bianca (qui {dead}) è un'unità spenta per tutto il batch: una ReLU morta, se resta "
        "così su tutti i dati."
    ),
    "saturation.map.notice.never": "Tutto nero: maxout passa sempre il gradiente a uno dei suoi pezzi.",
    # confronto
    "saturation.compare.title": "{what} (%) al passo {step}: la tua impostazione a confronto con quelle della lezione",
    "saturation.compare.x": "impostazione (stessa attivazione, stesso minibatch)",
    "saturation.compare.alt": "Grafico a barre della percentuale di unità inattive per la tua impostazione e per le tre impostazioni della lezione.",
    "saturation.compare.y": "{what} (%)",
    "saturation.compare.notice.tanh": (
        "Prima della correzione {before:.1f} %, dopo la correzione della lezione {fix:.1f} %, con l'inizializzazione "
        "di Kaiming {kaiming:.1f} %. Ridurre W1 e b1 è tutta la cura: stessa rete, stessi dati."
    ),
    "saturation.compare.notice.saturating": (
        "Prima della correzione {before:.1f} %, dopo la correzione della lezione {fix:.1f} %, con l'inizializzazione "
        "di Kaiming {kaiming:.1f} %: come la tanh, questa funzione satura, e pesi più piccoli tengono i suoi input "
        "dove ha pendenza."
    ),
    "saturation.compare.notice.zero": (
        "Prima della correzione {before:.1f} %, dopo la correzione della lezione {fix:.1f} %, con l'inizializzazione "
        "di Kaiming {kaiming:.1f} %: circa metà degli input è negativa, qualunque sia la scala. Le unità ReLU muoiono "
        "per colpa di un bias o di un aggiornamento che rende x negativa su ogni esempio, non per pesi grandi (vedi "
        "la pagina Neuroni morti)."
    ),
    "saturation.compare.notice.never": "Maxout non è mai inattiva, qualunque siano le scale.",
    "saturation.compare.notice_generic": (
        "Se qui manca un'impostazione, il suo addestramento è andato in divergenza prima dell'istantanea. "
        "Ridurre W1 e b1 mantiene attive le unità."
    ),
    # perché
    "saturation.why.title": "Perché un'unità satura smette di imparare",
    "saturation.why.body": (
        "La retropropagazione attraverso t = tanh(x) moltiplica il gradiente in arrivo per la pendenza locale "
        "1 − t². Quando |t| è vicino a 1 quel fattore è vicino a 0: qualunque cosa chieda la loss, x (e quindi W1, "
        "b1 e gli embedding a monte) si muove appena. Se |t| è vicino a 1 su ogni esempio, l'unità non impara mai."
    ),
    "saturation.why.latex": r"\frac{\partial L}{\partial x} = \left(1 - t^2\right)\frac{\partial L}{\partial t}, \qquad t = \tanh(x)",
    "saturation.why.yours": "Il gradiente locale dell'attivazione che hai scelto ({name}):",
    "saturation.local.title": "Gradiente locale f′(x) di {name} sul minibatch",
    "saturation.local.x": "gradiente locale f′(x) (tanh: 1 − h²)",
    "saturation.local.rule": "media {mean:.3f}",
    "saturation.local.alt": "Istogramma del gradiente locale f'(x) sul minibatch; la sua media è {mean:.3f}.",
    "saturation.local.notice": (
        "In media passa solo una frazione {mean:.3f} del gradiente. L'alta barra arancione vicino a 0 sono le unità "
        "sature: per loro il gradiente è svanito."
    ),
    # loss
    "saturation.loss.title": "Loss del minibatch durante l'addestramento (media su finestre di passi)",
    "saturation.loss.x": "passo di addestramento",
    "saturation.loss.y": "loss (entropia incrociata)",
    "saturation.loss.alt": "Grafico a linee della loss di addestramento della tua impostazione e delle tre impostazioni della lezione.",
    "saturation.loss.notice_diverged": (
        "La loss della tua impostazione esplode e diventa NaN/inf al passo {step} (asse logaritmico). Con questa "
        "attivazione e queste scale gli aggiornamenti crescono senza limite; prova scale più piccole per W1 e b1."
    ),
    "saturation.loss.notice": (
        "Su qualche migliaio di passi le curve restano vicine, con la partenza satura un po' indietro. Le unità "
        "sature imparano comunque, solo in modo meno efficiente: nelle esecuzioni complete da 200 000 passi della "
        "lezione la loss sull'insieme di validazione passa da 2.17 prima della correzione a 2.10 dopo. Una linea "
        "che si interrompe presto è andata in divergenza."
    ),
}
