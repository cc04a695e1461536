TEXT = {
    "gallery.title": "Galleria delle attivazioni",
    "gallery.intro": (
        "Tutte le attivazioni elemento per elemento del registro dell'app, ciascuna come curva f(x) e come pendenza "
        "f'(x), con la sua formula, le sue proprietà (misurate, non solo dichiarate) e il guadagno di "
        "inizializzazione che richiede.  \n"
        "Poi: quando è comparsa ciascuna, e cosa fa uno strato di ciascuna all'ampiezza di un segnale che lo attraversa."
    ),
    # controlli
    "gallery.controls": "Scegli cosa confrontare",
    "gallery.pick": "Attivazioni",
    "gallery.pick_help": "Scegli dal registro. Ognuna riceve un colore, lo stesso in tutti i grafici e le schede qui sotto.",
    "gallery.xmax": "x da −R a +R: R",
    "gallery.xmax_help": "Allarga la finestra per vedere le funzioni limitate appiattirsi (saturare), restringila per vedere gli spigoli in 0.",
    "gallery.param_label": "{name}: {param}",
    "gallery.none": "Scegli almeno un'attivazione qui sopra per vederne le curve, la scheda e la propagazione del segnale.",
    # curve
    "gallery.curves": "Forma e pendenza",
    "gallery.f.title": "f(x): l'attivazione",
    "gallery.df.title": "f'(x): la sua derivata (autograd)",
    "gallery.axis.x": "input x (pre-attivazione)",
    "gallery.axis.f": "output f(x)",
    "gallery.axis.df": "pendenza f'(x)",
    "gallery.legend": "attivazione",
    "gallery.f.alt": "Grafico a linee di f(x) in funzione di x da {lo:g} a {hi:g} per {names}.",
    "gallery.df.alt": "Grafico a linee della derivata f'(x) in funzione di x da {lo:g} a {hi:g} per {names}.",
    "gallery.f.notice": (
        "sigmoid e tanh si appiattiscono su una costante per |x| grandi (sono limitate); le funzioni di tipo ReLU "
        "continuano a crescere a destra. Una funzione centrata sullo zero passa per (0, 0) e ha output da entrambi "
        "i lati dello 0 (tanh); gli output della sigmoid sono sempre positivi."
    ),
    "gallery.df.notice": (
        "il passaggio all'indietro moltiplica ogni gradiente per f'(x). Dove f' è vicina a 0 (tanh e sigmoid per |x| "
        "oltre circa 3, ReLU per ogni x < 0) non passa quasi nessun gradiente. La pendenza della sigmoid non supera "
        "mai 1/4; quelle di tanh e ReLU arrivano a 1."
    ),
    # schede
    "gallery.cards": "Formula, derivata e proprietà",
    "gallery.cards_intro": (
        "I badge ✓/✗ sono **misurati** sulla curva con i parametri scelti sopra (le definizioni sono nel riquadro "
        "qui sotto), non copiati da un libro di testo."
    ),
    "gallery.props_help_title": "Come si misura ciascuna proprietà",
    "gallery.props_help": (
        "- **centrata sullo zero**: f(0) = 0 e, per x ~ N(0, 1), la media di f(x) è piccola rispetto alla sua "
        "dispersione (|media| < 0,3 std).\n"
        "- **monotona**: f'(x) ≥ 0 ovunque su [−20, 20]: un input più grande non dà mai un output più piccolo.\n"
        "- **limitata**: f resta in un intervallo finito da entrambi i lati: smette di crescere tra |x| = 100 e 1000.\n"
        "- **liscia**: nessun salto in f né in f' su una griglia fine (passo 0,001) di [−10, 10]: niente spigoli, niente gradini.\n"
        "- **saturante**: f'(x) → 0 da entrambi i lati (in x = ±1000 è sotto lo 0,1 % del suo massimo): un'unità "
        "spinta lontano smette di imparare."
    ),
    "gallery.prop.zero_centred": "centrata sullo zero",
    "gallery.prop.monotonic": "monotona",
    "gallery.prop.bounded": "limitata",
    "gallery.prop.smooth": "liscia",
    "gallery.prop.saturating": "saturante",
    "gallery.card.derivative": "Derivata",
    "gallery.card.range": "Intervallo dei valori",
    "gallery.card.range_default": "(con i parametri predefiniti)",
    "gallery.card.gain": "Guadagno di inizializzazione",
    "gallery.card.gain_value": "{gain} — {source}",
    "gallery.card.year": "Introdotta nel",
    "gallery.card.use_when": "Quando usarla",
    "gallery.card.note": "Nota",
    "gallery.card.differs": "Con questi parametri la misura è diversa da quanto riporta il libro di testo: {props}.",
    # cronologia
    "gallery.timeline": "Quando è comparsa ciascuna attivazione",
    "gallery.timeline.title": "Una cronologia delle funzioni di attivazione",
    "gallery.timeline.x": "anno di introduzione",
    "gallery.timeline.y": "attivazione",
    "gallery.timeline.ref": "riferimento",
    "gallery.timeline.selected": "selezionata",
    "gallery.timeline.alt": "Cronologia a punti di tutte le {n} attivazioni del registro per anno, dal {first} al {last}; quelle selezionate sono colorate: {names}.",
    "gallery.timeline.notice": (
        "il gradino (1943) e la sigmoid hanno dominato per decenni; la ReLU (2010) è ciò che ha reso addestrabili "
        "le reti profonde, e quasi tutto ciò che è venuto dopo ne è una variante (leaky, ELU, GELU, SiLU), che per "
        "lo più smussa lo spigolo in 0."
    ),
    "gallery.yes": "sì",
    "gallery.no": "no",
    # propagazione del segnale
    "gallery.signal": "Propagazione del segnale: cosa fa uno strato all'ampiezza",
    "gallery.signal_intro": (
        "Passa pre-attivazioni gaussiane x ~ N(0, σ²) attraverso uno strato di ciascuna attivazione (200 000 "
        "campioni, seed fisso) e misura la deviazione standard di ciò che ne esce."
    ),
    "gallery.signal.title": "Std dell'output in funzione della std dell'input (uno strato)",
    "gallery.signal.x": "std dell'input σ (scala log)",
    "gallery.signal.y": "std dell'output (scala log)",
    "gallery.signal.identity": "std dell'output = std dell'input",
    "gallery.signal.out_mean": "media dell'output",
    "gallery.signal.msd": "E[f'(x)²] (fattore del gradiente)",
    "gallery.signal.alt": "Grafico a linee log-log della deviazione standard dell'output in funzione di quella dell'input, da {lo:g} a {hi:g}, per {names}, con una linea tratteggiata dove output e input coincidono.",
    "gallery.signal.notice": (
        "sotto la linea tratteggiata uno strato restringe il segnale, sopra lo amplifica. Le funzioni limitate "
        "(tanh, sigmoid) si appiattiscono al crescere di σ: saturano e non riescono a trasmettere più ampiezza, per "
        "quanto largo sia l'input. Le linee delle funzioni di tipo ReLU corrono parallele a quella tratteggiata: "
        "scalano l'ampiezza di un fattore costante."
    ),
    "gallery.gain_table": "Guadagni di inizializzazione",
    "gallery.col.name": "attivazione",
    "gallery.col.registry_gain": "consigliato",
    "gallery.col.preserving_gain": "conserva la var.",
    "gallery.col.registry_gain_help": "Il guadagno consigliato da questa app (e, quasi sempre, da torch.nn.init.calculate_gain).",
    "gallery.col.preserving_gain_help": "Misurato: g = 1 / √E[f(x)²] per x ~ N(0, 1). Con W = g · randn / √fan_in le pre-attivazioni dello strato successivo tornano ad avere varianza 1.",
    "gallery.gain.notice": (
        "inizializza uno strato che alimenta l'attivazione f come W = gain · randn(fan_in, fan_out) / √fan_in. Il "
        "guadagno che conserva la varianza è quello che mantiene a varianza unitaria le pre-attivazioni di ogni "
        "strato, così una pila profonda non esplode e non svanisce. Il √2 della ReLU coincide esattamente (la ReLU "
        "azzera metà dell'input, quindi i pesi devono raddoppiare la varianza). Il 5/3 della tanh è volutamente un "
        "po' sopra l'1,59 misurato: serve a contrastare il restringimento che mostra la rete tanh profonda della "
        "lezione. Per sigmoid e gradino lo scarto ha un'altra causa: i loro output non sono centrati sullo zero, "
        "quindi parte di ciò che trasmettono è un offset costante, non segnale. Nessun guadagno può correggerlo; la "
        "BatchNorm, o un'attivazione centrata sullo zero, sì."
    ),
    # softmax
    "gallery.softmax": "A parte: la softmax, una funzione per lo strato di output",
    "gallery.softmax.body": (
        "La softmax non è nell'elenco qui sopra perché non agisce elemento per elemento: ogni output dipende da "
        "**tutti** i logit del vettore. Sta alla fine di un classificatore e trasforma i logit in probabilità che "
        "sommano a 1."
    ),
    "gallery.softmax.meta": "{name}: {reference}. **Quando usarla:** {use_when}",
}
