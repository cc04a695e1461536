"""La pagina Saturazione della tanh. Ogni testo che dipende dall'attivazione ha una variante per
tipo di attivazione (core.lessons.tanh_saturation.KINDS: tanh, saturating, zero, leaky, never),
come `<chiave>.<tipo>`; un test controlla che ogni tipo abbia ogni chiave, in ogni lingua."""

TEXT = {
    "saturation.title": "Saturazione della tanh",
    "saturation.what.tanh": (
        "L'MLP della lezione (dati dei nomi, 200 unità tanh) su un minibatch: dove cadono le sue pre-attivazioni x "
        "e quali unità vengono spinte verso ±1, dove la tanh è piatta.  \n"
        "Sposta W1 e b1 (o clicca un preset) e guarda la mappa bianca delle unità sature riempirsi o svuotarsi, "
        "e quanto gradiente lascia ancora passare 1 − t²."
    ),
    "saturation.what.saturating": (
        "L'MLP della lezione (dati dei nomi, 200 unità nascoste, qui {act}) su un minibatch: dove cadono le sue "
        "pre-attivazioni x e quali unità finiscono sulle estremità piatte di {act}, dove non passa quasi "
        "nessun gradiente.  \n"
        "Sposta W1 e b1 (o clicca un preset) e guarda la mappa bianca delle unità sature riempirsi o svuotarsi, "
        "e quanto gradiente lascia ancora passare la pendenza f′(x)."
    ),
    "saturation.what.zero": (
        "L'MLP della lezione (dati dei nomi, 200 unità nascoste, qui {act}) su un minibatch: dove cadono le sue "
        "pre-attivazioni x e quali unità ricevono una x < 0, dove {act} è piatta e non lascia passare alcun "
        "gradiente.  \n"
        "Sposta W1 e b1 (o clicca un preset): la quota di unità inattive cambia appena, perché per {act} conta "
        "solo il segno di x, non la sua ampiezza."
    ),
    "saturation.what.leaky": (
        "L'MLP della lezione (dati dei nomi, 200 unità nascoste, qui {act}) su un minibatch: dove cadono le sue "
        "pre-attivazioni x e quanto gradiente lascia passare la pendenza f′(x). {act} ha pendenza da entrambi i "
        "lati dello 0, quindi le sue unità non smettono (quasi) mai di imparare.  \n"
        "Sposta W1 e b1 (o clicca un preset) e guarda gli istogrammi allargarsi o restringersi, mentre la mappa "
        "delle unità inattive resta (quasi) tutta nera."
    ),
    "saturation.what.never": (
        "L'MLP della lezione (dati dei nomi, 200 unità nascoste, qui {act}) su un minibatch: dove cade il pezzo "
        "vincente di ogni unità. {act} passa sempre il gradiente a uno dei suoi pezzi, quindi nessuna unità è mai "
        "inattiva.  \n"
        "Sposta W1 e b1 (o clicca un preset) e guarda gli istogrammi allargarsi o restringersi."
    ),
    # controlli
    "saturation.act.label": "Attivazione",
    "saturation.act.help": (
        "Qualsiasi funzione del registro, con i suoi parametri predefiniti. La pagina si apre sulla scelta della "
        "lezione."
    ),
    "saturation.w1.label": "Scala di W1",
    "saturation.w1.help": (
        "W1 = randn × questo valore. La lezione parte da 1,0, poi usa 0,2; l'inizializzazione di Kaiming usa "
        "guadagno / √fan_in = {gain:.3f} / √{fan_in} ≈ {w1:.3f} per {act}."
    ),
    "saturation.w1.short": "Scala di W1",
    "saturation.b1.label": "Scala di b1",
    "saturation.b1.help": "b1 = randn(200) × questo valore. La lezione parte da 1,0, poi usa 0,01.",
    "saturation.b1.short": "Scala di b1",
    "saturation.presets.label": "Preset (impostano i due cursori qui sopra):",
    "saturation.preset.before": "Prima della correzione (W1 × 1,0; b1 × 1,0)",
    "saturation.preset.before_help": "Pesi e bias randn così come escono: pre-attivazioni x molto ampie.",
    "saturation.preset.fix": "Correzione della lezione (W1 × 0,2; b1 × 0,01)",
    "saturation.preset.fix_help": (
        "La correzione tarata a mano nella lezione: W1 e b1 più piccoli tengono le pre-attivazioni x vicino a 0."
    ),
    "saturation.preset.kaiming": "Kaiming (W1 × {w1:.3f}; b1 × 0,01)",
    "saturation.preset.kaiming_help": (
        "Scala di W1 = guadagno / √fan_in = {gain:.3f} / √{fan_in} ≈ {w1:.3f}, con il guadagno consigliato per "
        "{act} ({source}), cioè MLPConfig.kaiming_gain."
    ),
    "saturation.thr.label": "Soglia di saturazione",
    "saturation.thr.help.tanh": (
        "Un'unità è considerata satura quando |h| supera questa soglia. La mappa della lezione usa 0,99, la sua "
        "percentuale 0,97."
    ),
    "saturation.thr.help.saturating": (
        "Un'unità è considerata satura quando la sua pendenza f′(x) scende sotto (1 − soglia²) volte la pendenza "
        "massima di {act}: la stessa regola di |h| > soglia per la tanh."
    ),
    "saturation.thr.help.zero": (
        "La soglia non vale per {act}: non ha estremità piatte su cui saturare. Un'unità è inattiva solo dove il "
        "suo gradiente è esattamente 0 (x < 0)."
    ),
    "saturation.thr.help.leaky": (
        "La soglia non vale per {act}: non ha estremità piatte su cui saturare. Un'unità è inattiva solo dove il "
        "suo gradiente è esattamente 0, cosa che per {act} non succede (quasi) mai."
    ),
    "saturation.thr.help.never": "La soglia non vale per {act}: passa sempre il gradiente a uno dei suoi pezzi.",
    "saturation.steps.label": "Passi di addestramento prima dell'istantanea",
    "saturation.steps.help": (
        "0 = la rete all'inizializzazione. N = dopo N passi di SGD (batch 32, lr 0,1), così puoi vedere se "
        "l'addestramento recupera le unità inattive oppure no."
    ),
    "saturation.fixed": (
        "Fissi per ogni esecuzione: W2 × 0,01 e b2 = 0 (la lezione sistema prima la softmax), lr 0,1, batch 32, "
        "il seed della lezione 2147483647. La tua impostazione e i tre preset si addestrano insieme sugli stessi "
        "minibatch."
    ),
    "saturation.variant.title": "impostazione",
    "saturation.variant.yours": "La tua impostazione",
    "saturation.variant.before": "Prima della correzione",
    "saturation.variant.fix": "Correzione della lezione",
    "saturation.variant.kaiming": "Kaiming",
    "saturation.snapshot.init": (
        "Istantanea: il primo minibatch (32 esempi × 200 unità nascoste) all'inizializzazione, prima di qualsiasi "
        "aggiornamento."
    ),
    "saturation.snapshot.after": (
        "Istantanea: il minibatch del passo {n} (32 esempi × 200 unità nascoste), cioè la rete dopo {n} "
        "aggiornamenti di SGD."
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
    "saturation.state.on.leaky": "inattiva (f′(x) = 0)",
    "saturation.state.on.never": "inattiva (mai, per maxout)",
    # metriche
    "saturation.metric.pct.tanh": "Unità sature",
    "saturation.metric.pct.saturating": "Unità sature",
    "saturation.metric.pct.zero": "Unità inattive (gradiente nullo)",
    "saturation.metric.pct.leaky": "Unità inattive (gradiente nullo)",
    "saturation.metric.pct.never": "Unità inattive",
    "saturation.metric.pct_value": "{pct:.1f} %",
    "saturation.metric.pct_help.tanh": "Quota delle 32 × 200 coppie (esempio, unità) con |h| > {thr:.3f}.",
    "saturation.metric.pct_help.saturating": (
        "Quota delle 32 × 200 coppie (esempio, unità) in cui la pendenza f′(x) è sotto (1 − {thr:.3f}²) del suo "
        "massimo: la stessa regola di |h| > {thr:.3f} per la tanh."
    ),
    "saturation.metric.pct_help.zero": (
        "Quota delle 32 × 200 coppie (esempio, unità) in cui f′(x) = 0 esattamente (per {act}: x < 0). "
        "Il cursore della soglia qui non si applica."
    ),
    "saturation.metric.pct_help.leaky": (
        "Quota delle 32 × 200 coppie (esempio, unità) in cui f′(x) = 0 esattamente: {act} ha pendenza quasi "
        "ovunque, quindi resta (vicina a) 0. Il cursore della soglia qui non si applica."
    ),
    "saturation.metric.pct_help.never": (
        "Maxout passa il gradiente al suo pezzo vincente, quindi nessuna unità è mai inattiva."
    ),
    "saturation.metric.dead": "Unità morte in questo batch",
    "saturation.metric.dead_value": "{dead} / {n}",
    "saturation.metric.dead_help": (
        "Unità inattive su tutti i 32 esempi: una colonna interamente bianca della mappa. Su questo batch non "
        "lasciano passare (quasi) nessun gradiente, quindi i loro pesi non ne imparano (quasi) nulla."
    ),
    "saturation.metric.local": "Gradiente locale medio f′(x)",
    "saturation.metric.local_help": (
        "Il fattore medio per cui {act} moltiplica il gradiente in arrivo: la sua pendenza f′(x), in media sul "
        "minibatch (1 lascia passare il gradiente così com'è, 0 lo blocca)."
    ),
    "saturation.metric.dx": "|dL/dx| medio",
    "saturation.metric.dx_help": (
        "L'ampiezza media del gradiente che raggiunge le pre-attivazioni: f′(x) × dL/dh su questo minibatch. "
        "È da qui che imparano W1 e b1."
    ),
    # istogrammi
    "saturation.hist.y": "coppie (esempio, unità)",
    "saturation.hist.from": "da",
    "saturation.hist.to": "a",
    "saturation.hist.pre.title": "Pre-attivazioni x = emb · W1 + b1",
    "saturation.hist.pre.x": "pre-attivazione x",
    "saturation.hist.pre.alt": (
        "Istogramma delle 6.400 pre-attivazioni del minibatch, std {std:.2f}; le barre arancioni sono unità inattive."
    ),
    "saturation.hist.pre.notice.tanh": (
        "Qui std(x) = {std:.2f}. Ogni x oltre le linee tratteggiate (dove tanh(x) = ±soglia) cade nella parte "
        "piatta della tanh (in arancione). Prima della correzione std(x) ≈ 5,7; la correzione della lezione "
        "(W1 × 0,2; b1 × 0,01) la riduce a circa 1,1."
    ),
    "saturation.hist.pre.notice.saturating": (
        "Qui std(x) = {std:.2f}. Le x arancioni cadono dove {act} è piatta; W1 e b1 più piccoli restringono "
        "questo istogramma e riportano x dove la pendenza è grande."
    ),
    "saturation.hist.pre.notice.zero": (
        "Qui std(x) = {std:.2f}. Ogni x negativa è arancione: lì {act} è piatta. Ridurre insieme W1 e b1 non "
        "cambia questa quota: {act} non ha estremità piatte da correggere, conta solo il segno di x."
    ),
    "saturation.hist.pre.notice.leaky": (
        "Qui std(x) = {std:.2f}. {act} ha pendenza da entrambi i lati dello 0, quindi (quasi) nessuna barra è "
        "arancione: lo sarebbe solo una x in cui la pendenza vale esattamente 0."
    ),
    "saturation.hist.pre.notice.never": "Qui std(x) = {std:.2f}: il pezzo vincente di ogni unità maxout.",
    "saturation.hist.pre.rule": "±{x:.2f}",
    "saturation.hist.h.title": "Attivazioni h = f(x)",
    "saturation.hist.h.x": "attivazione h",
    "saturation.hist.h.rule": "±{thr:.3f}",
    "saturation.hist.h.alt": (
        "Istogramma delle 6.400 attivazioni h del minibatch; il {pct:.1f} % è inattivo (in arancione)."
    ),
    "saturation.hist.h.notice.tanh": (
        "Fuori dalle linee tratteggiate a ±{thr:.3f} la tanh è satura: lì si accumula il {pct:.1f} % dei valori. "
        "Prima della correzione h vale quasi sempre ±1; dopo, h si distribuisce su (−1, 1)."
    ),
    "saturation.hist.h.notice.saturating": (
        "Le barre arancioni sono gli output vicini alle estremità piatte di {act} (il {pct:.1f} % dei valori)."
    ),
    "saturation.hist.h.notice.zero": (
        "La barra arancione in h = 0 raccoglie le unità con input negativo: il loro gradiente è esattamente 0 "
        "({pct:.1f} %). {act} non satura per x > 0, ma è piatta per x < 0."
    ),
    "saturation.hist.h.notice.leaky": (
        "È arancione il {pct:.1f} % dei valori: {act} mantiene una pendenza anche per gli input negativi, quindi "
        "le unità con x < 0 rimandano indietro comunque un po' di gradiente."
    ),
    "saturation.hist.h.notice.never": (
        "Maxout restituisce il più grande dei suoi pezzi; nessun valore è piatto per tutti."
    ),
    # la mappa
    "saturation.map.title": "Esempi × unità: bianco = {white}",
    "saturation.map.x": "unità nascosta (neurone)",
    "saturation.map.y": "esempio del minibatch",
    "saturation.map.alt": (
        "Una griglia 32 per 200 di esempi per unità nascoste, bianca dove l'unità è inattiva: {pct:.1f} % di bianco, "
        "{dead} colonne interamente bianche."
    ),
    "saturation.map.notice.tanh": (
        "Il grafico della lezione: il {pct:.1f} % è bianco. Una colonna interamente bianca (qui {dead}) è un'unità "
        "satura su ogni esempio: un neurone morto per questo batch. Con W1 × 1,0 la mappa è quasi tutta bianca; "
        "con W1 × 0,2 quasi tutta nera."
    ),
    "saturation.map.notice.saturating": (
        "Il {pct:.1f} % è bianco, {dead} colonne sono interamente bianche (unità che da questo batch non imparano "
        "nulla)."
    ),
    "saturation.map.notice.zero": (
        "Il {pct:.1f} % è bianco: qui bianco significa x < 0, la metà piatta di {act}, non saturazione a ±1. "
        "Una colonna interamente bianca (qui {dead}) è un'unità spenta per tutto il batch: un'unità morta, se resta "
        "così su tutti i dati."
    ),
    "saturation.map.notice.leaky": (
        "Il {pct:.1f} % è bianco e {dead} colonne sono interamente bianche: {act} lascia passare un po' di "
        "gradiente quasi per ogni x, quindi le sue unità continuano a imparare."
    ),
    "saturation.map.notice.never": "Tutto nero: maxout passa sempre il gradiente a uno dei suoi pezzi.",
    # confronto
    "saturation.compare.title": "{what} al passo {step}: la tua impostazione e le tre della lezione",
    "saturation.compare.x": "impostazione (stessa attivazione, stesso minibatch)",
    "saturation.compare.alt": (
        "Grafico a barre della percentuale di unità inattive per la tua impostazione e per le tre impostazioni "
        "della lezione."
    ),
    "saturation.compare.y.tanh": "sature (%)",
    "saturation.compare.y.saturating": "sature (%)",
    "saturation.compare.y.zero": "inattive (%)",
    "saturation.compare.y.leaky": "inattive (%)",
    "saturation.compare.y.never": "inattive (%)",
    "saturation.compare.notice.tanh": (
        "Prima della correzione {before:.1f} %, dopo la correzione della lezione {fix:.1f} %, con l'inizializzazione "
        "di Kaiming {kaiming:.1f} %. Ridurre W1 e b1 è tutta la cura: stessa rete, stessi dati."
    ),
    "saturation.compare.notice.saturating": (
        "Prima della correzione {before:.1f} %, dopo la correzione della lezione {fix:.1f} %, con l'inizializzazione "
        "di Kaiming {kaiming:.1f} %: come la tanh, {act} satura, e pesi più piccoli tengono i suoi input dove ha "
        "pendenza."
    ),
    "saturation.compare.notice.zero": (
        "Prima della correzione {before:.1f} %, dopo la correzione della lezione {fix:.1f} %, con l'inizializzazione "
        "di Kaiming {kaiming:.1f} %: circa metà degli input è negativa, qualunque sia la scala. Le unità {act} "
        "muoiono per colpa di un bias o di un aggiornamento che rende x negativa su ogni esempio, non per pesi "
        "grandi (vedi la pagina Neuroni morti)."
    ),
    "saturation.compare.notice.leaky": (
        "Prima della correzione {before:.1f} %, dopo la correzione della lezione {fix:.1f} %, con l'inizializzazione "
        "di Kaiming {kaiming:.1f} %: {act} mantiene una pendenza quasi per ogni x, qualunque sia la scala di W1 e b1."
    ),
    "saturation.compare.notice.never": "Maxout non è mai inattiva, qualunque siano le scale.",
    "saturation.compare.notice_generic": (
        "Se qui manca un'impostazione, il suo addestramento è andato in divergenza prima dell'istantanea."
    ),
    # perché
    "saturation.why.title": "Perché è la pendenza a decidere che cosa impara un'unità",
    "saturation.why.body": (
        "La retropropagazione attraverso h = f(x) moltiplica il gradiente in arrivo per la pendenza locale f′(x): "
        "qualunque cosa chieda la loss, x (e quindi W1, b1 e gli embedding a monte) si muove solo quanto f′(x) le "
        "permette."
    ),
    "saturation.why.kind.tanh": (
        "Per t = tanh(x) quella pendenza è 1 − t². Quando |t| è vicino a 1 è vicina a 0, e l'unità impara appena; "
        "se |t| è vicino a 1 su ogni esempio, non impara mai."
    ),
    "saturation.why.kind.saturating": (
        "Sulle estremità piatte di {act} quella pendenza è vicina a 0: un'unità che resta lì su ogni esempio non "
        "impara mai."
    ),
    "saturation.why.kind.zero": (
        "Per {act} quella pendenza è esattamente 0 ovunque x < 0: su quegli esempi l'unità non rimanda indietro "
        "nulla, e se x < 0 su ogni esempio non impara più (un'unità morta)."
    ),
    "saturation.why.kind.leaky": (
        "{act} mantiene una pendenza da entrambi i lati dello 0 (piccola, per alcuni input), quindi un po' di "
        "gradiente passa sempre e le sue unità continuano a imparare."
    ),
    "saturation.why.kind.never": (
        "Un'unità maxout passa il gradiente, così com'è, al pezzo che ha vinto: un po' di gradiente passa sempre."
    ),
    "saturation.why.latex": (r"\frac{\partial L}{\partial x} = f'(x)\,\frac{\partial L}{\partial h}, \qquad h = f(x)"),
    "saturation.why.yours": "Il gradiente locale dell'attivazione che hai scelto ({name}):",
    "saturation.local.title": "Gradiente locale f′(x) di {name} sul minibatch",
    "saturation.local.x.tanh": "gradiente locale f′(x) = 1 − h²",
    "saturation.local.x.saturating": "gradiente locale f′(x)",
    "saturation.local.x.zero": "gradiente locale f′(x)",
    "saturation.local.x.leaky": "gradiente locale f′(x)",
    "saturation.local.x.never": "gradiente locale f′(x)",
    "saturation.local.rule": "media {mean:.3f}",
    "saturation.local.alt": "Istogramma del gradiente locale f′(x) sul minibatch; la sua media è {mean:.3f}.",
    "saturation.local.notice.tanh": (
        "In media passa solo una frazione {mean:.3f} del gradiente. L'alta barra arancione vicino a 0 sono le unità "
        "sature: per loro il gradiente è svanito."
    ),
    "saturation.local.notice.saturating": (
        "In media passa una frazione {mean:.3f} del gradiente; le barre arancioni vicino a 0 sono le unità sature, "
        "per cui è (quasi) svanito."
    ),
    "saturation.local.notice.zero": (
        "In media passa una frazione {mean:.3f} del gradiente: la pendenza di {act} vale 0 o 1, e la barra "
        "arancione in 0 sono le unità con x < 0, che non rimandano indietro nulla."
    ),
    "saturation.local.notice.leaky": (
        "In media passa una frazione {mean:.3f} del gradiente, e (quasi) nessuna unità lo blocca del tutto: "
        "la pendenza di {act} non vale quasi mai esattamente 0."
    ),
    "saturation.local.notice.never": (
        "Maxout passa il gradiente così com'è al suo pezzo vincente: il gradiente locale vale 1 per ogni unità."
    ),
    # loss
    "saturation.loss.title": "Loss del minibatch durante l'addestramento (media su finestre di passi)",
    "saturation.loss.x": "passo di addestramento",
    "saturation.loss.y": "loss (entropia incrociata)",
    "saturation.loss.alt": (
        "Grafico a linee della loss di addestramento della tua impostazione e delle tre impostazioni della lezione."
    ),
    "saturation.loss.notice_diverged": (
        "La loss della tua impostazione esplode e diventa NaN/inf al passo {step} (asse logaritmico). Con questa "
        "attivazione e queste scale gli aggiornamenti crescono senza limite; prova scale più piccole per W1 e b1."
    ),
    "saturation.loss.notice.tanh": (
        "Su qualche migliaio di passi le curve restano vicine, con la partenza satura un po' indietro. Le unità "
        "sature imparano comunque, solo in modo meno efficiente: nelle esecuzioni complete da 200.000 passi della "
        "lezione la loss sull'insieme di validazione passa da 2,17 prima della correzione a 2,10 dopo. Una linea "
        "che si interrompe presto è andata in divergenza."
    ),
    "saturation.loss.notice.saturating": (
        "Le unità sature imparano comunque, solo in modo meno efficiente: confronta quanto in fretta scende la loss "
        "di ogni impostazione. Una linea che si interrompe presto è andata in divergenza."
    ),
    "saturation.loss.notice.zero": (
        "Per {act} le unità inattive sono quelle con x < 0, qualunque sia la scala: confronta quanto in fretta "
        "scende la loss di ogni impostazione. Una linea che si interrompe presto è andata in divergenza."
    ),
    "saturation.loss.notice.leaky": (
        "{act} lascia passare il gradiente quasi ovunque, quindi nessuna impostazione perde unità: confronta quanto "
        "in fretta scende la loss di ognuna. Una linea che si interrompe presto è andata in divergenza."
    ),
    "saturation.loss.notice.never": (
        "Maxout non perde unità, quindi le impostazioni differiscono solo per quanto in fretta scende la loro loss. "
        "Una linea che si interrompe presto è andata in divergenza."
    ),
    # la domanda della pagina (prima prevedi)
    # invariabili: stanno bene sia dopo «quale percentuale ... sarà» sia dopo «la quota di uscite»
    "saturation.predict.state.tanh": "in saturazione (|h| > {thr})",
    "saturation.predict.state.saturating": "in saturazione (gradiente quasi nullo)",
    "saturation.predict.state.zero": "a gradiente nullo",
    "saturation.predict.state.leaky": "a gradiente nullo",
    "saturation.predict.state.never": "a gradiente nullo (con questa funzione non succede mai)",
    "saturation.predict.why.tanh": (
        "le pre-attivazioni hanno una deviazione standard di {std:.2f}, mentre la tanh è piatta oltre "
        "|x| > {x:.2f}. Più sono ampie le pre-attivazioni, più ne finiscono sulle code piatte, dove il gradiente "
        "1 − t² è quasi 0. Ridurre W1 le restringe."
    ),
    "saturation.predict.why.saturating": (
        "le pre-attivazioni hanno una deviazione standard di {std:.2f}: più sono ampie, più ne finiscono sulle "
        "code piatte di "
        "{act}, dove non passa quasi nessun gradiente."
    ),
    "saturation.predict.why.zero": (
        "{act} restituisce esattamente 0 (con pendenza nulla) per ogni input negativo, e circa metà delle "
        "pre-attivazioni è negativa qualunque sia la scala. Qui la scala di W1 conta poco; conta solo il segno."
    ),
    "saturation.predict.why.leaky": (
        "{act} ha pendenza da entrambi i lati dello 0, quindi un'unità è inattiva solo dove f′(x) vale esattamente "
        "0: quasi mai, qualunque sia la scala di W1."
    ),
    "saturation.predict.why.never": ("{act} ha pendenza su ogni input, quindi nessuna unità è mai del tutto inattiva."),
}
