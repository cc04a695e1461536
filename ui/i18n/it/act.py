"""Testi delle attivazioni (core.activations ne contiene solo la matematica): il nome mostrato, una
nota per gli studenti, quando usarle, da dove viene il guadagno di inizializzazione, i suggerimenti
dei cursori. Stesse chiavi di ui/i18n/en/act.py.
"""

TEXT = {
    # identity
    "act.identity.name": "Identità (lineare)",
    "act.identity.note": (
        "Una pila di strati lineari resta un'unica mappa lineare, quindi può tracciare solo confini rettilinei. La "
        "rete profonda solo lineare della lezione mostra che basta il guadagno a far esplodere (5/3) o svanire "
        "(0,5) le attivazioni."
    ),
    "act.identity.use_when": (
        "Output di regressione, oppure come termine di paragone che mostra perché serve la non linearità."
    ),
    "act.identity.gain_source": "calculate_gain('linear')",
    # step
    "act.step.name": "Gradino (Heaviside)",
    "act.step.note": (
        "Il primo neurone artificiale o si attiva o non si attiva. La sua derivata è 0 ovunque esista, quindi la "
        "retropropagazione non riceve alcun segnale: è per questo che le sigmoidi, lisce, l'hanno sostituito."
    ),
    "act.step.use_when": (
        "Mai in uno strato nascosto addestrato con la retropropagazione; è qui per la storia (i percettroni)."
    ),
    "act.step.gain_source": (
        "nessun guadagno in torch; un gradino non si può addestrare con la discesa del gradiente, 1,0"
    ),
    # sigmoid
    "act.sigmoid.name": "Sigmoide (logistica)",
    "act.sigmoid.note": (
        "La sua pendenza è al massimo 1/4, quindi ogni strato sigmoide riduce i gradienti di almeno 4 volte; "
        "inoltre i suoi output sono sempre positivi (non centrati sullo zero), e questo fa procedere a zig-zag i "
        "passi del gradiente."
    ),
    "act.sigmoid.use_when": (
        "Porte (gate) di LSTM/GRU e un singolo output di probabilità; oggi raramente negli strati nascosti."
    ),
    "act.sigmoid.gain_source": "calculate_gain('sigmoid')",
    # tanh
    "act.tanh.name": "Tanh",
    "act.tanh.note": (
        "L'attivazione della lezione. Dove |tanh(x)| è vicino a 1 l'unità è in saturazione: 1 − t² è ~0 e il "
        "gradiente che la attraversa svanisce. Da qui W1 × 0,2 e il guadagno 5/3."
    ),
    "act.tanh.use_when": (
        "Piccoli MLP e RNN che vogliono output limitati e centrati sullo zero; curare l'inizializzazione."
    ),
    "act.tanh.gain_source": "calculate_gain('tanh')",
    # hardtanh
    "act.hardtanh.name": "Hard tanh",
    "act.hardtanh.note": (
        "Una tanh lineare a tratti: economica da calcolare, ma appena |x| > 1 il gradiente è esattamente 0, quindi "
        "un'unità in saturazione non riceve alcun segnale di apprendimento."
    ),
    "act.hardtanh.use_when": (
        "Un'attivazione limitata ed economica, per esempio in reti a bassa precisione o quantizzate."
    ),
    "act.hardtanh.gain_source": "nessun guadagno in torch; simile alla tanh, come calculate_gain('tanh') = 5/3",
    # relu
    "act.relu.name": "ReLU",
    "act.relu.note": (
        "Ha reso addestrabili le reti profonde (AlexNet, 2012). Un'unità il cui input è negativo per ogni esempio "
        "riceve gradiente nullo per sempre: una «ReLU morta», per esempio dopo un passo troppo grande."
    ),
    "act.relu.use_when": "La scelta predefinita per CNN e MLP profondi: economica, e senza saturazione per x > 0.",
    "act.relu.gain_source": "calculate_gain('relu')",
    # leaky_relu
    "act.leaky_relu.name": "Leaky ReLU",
    "act.leaky_relu.note": (
        "Mantiene una piccola pendenza alpha per x < 0, così un'unità riceve sempre un po' di gradiente e non può "
        "morire."
    ),
    "act.leaky_relu.use_when": (
        "Un sostituto diretto della ReLU quando si temono le unità morte (per esempio nei discriminatori delle GAN)."
    ),
    "act.leaky_relu.gain_source": "calculate_gain('leaky_relu', alpha)",
    "act.leaky_relu.param.alpha.help": "Pendenza per gli input negativi (0 dà la ReLU).",
    # prelu
    "act.prelu.name": "PReLU",
    "act.prelu.note": (
        "Una leaky ReLU la cui pendenza negativa è un parametro addestrato. Lo stesso articolo ha introdotto "
        "l'inizializzazione «Kaiming» che usa questa app."
    ),
    "act.prelu.use_when": (
        "Classificatori di immagini che vogliono una leaky ReLU senza scegliere a mano la pendenza."
    ),
    "act.prelu.gain_source": ("calculate_gain('leaky_relu', a): He et al. hanno ricavato sqrt(2/(1+a^2)) per la PReLU"),
    "act.prelu.param.a.help": "Pendenza negativa iniziale; poi l'addestramento la apprende.",
    # elu
    "act.elu.name": "ELU",
    "act.elu.note": (
        "Il ramo negativo satura a -alpha, e questo avvicina a zero la media delle attivazioni (circa centrata "
        "sullo zero). È liscia in 0 solo per alpha = 1. Costa un exp."
    ),
    "act.elu.use_when": "MLP e CNN profondi in cui attivazioni con media vicina a zero accelerano l'apprendimento.",
    "act.elu.gain_source": (
        "nessun guadagno in torch; simile alla ReLU, sqrt(2) (l'inizializzazione di He è la prassi abituale)"
    ),
    "act.elu.param.alpha.help": "Il lato negativo satura al valore -alpha.",
    # selu
    "act.selu.name": "SELU",
    "act.selu.note": (
        "lambda e alpha sono scelti in modo che media 0 e varianza 1 siano un punto fisso, ma solo con pesi di "
        "varianza 1/fan_in (guadagno 1): il 3/4 di torch vi rinuncia in cambio di gradienti più stabili."
    ),
    "act.selu.use_when": "Reti profonde completamente connesse senza BatchNorm («auto-normalizzanti»).",
    "act.selu.gain_source": "calculate_gain('selu')",
    # gelu
    "act.gelu.name": "GELU",
    "act.gelu.note": (
        "x pesato per la probabilità Phi(x) che una normale standard stia sotto x: una ReLU liscia con un piccolo "
        "avvallamento fino a −0,17 vicino a x = −0,75, quindi non è monotona."
    ),
    "act.gelu.use_when": "Transformer (BERT, GPT): lì è la scelta predefinita.",
    "act.gelu.gain_source": (
        "nessun guadagno in torch; simile alla ReLU, sqrt(2) (l'inizializzazione di He è la prassi abituale)"
    ),
    # gelu_tanh
    "act.gelu_tanh.name": "GELU (appross. tanh)",
    "act.gelu_tanh.note": (
        "Una formula più economica per la GELU, dallo stesso articolo; differisce dalla GELU esatta di meno di "
        "5·10⁻⁴ ovunque."
    ),
    "act.gelu_tanh.use_when": (
        "Riprodurre il codice di GPT-2 o del BERT originale, che usavano questa approssimazione."
    ),
    "act.gelu_tanh.gain_source": (
        "nessun guadagno in torch; simile alla ReLU, sqrt(2) (l'inizializzazione di He è la prassi abituale)"
    ),
    # silu
    "act.silu.name": "SiLU / Swish",
    "act.silu.note": (
        "Una ReLU liscia e non monotona, con un avvallamento fino a circa −0,28. Swish è stata trovata da una "
        "ricerca automatica tra formule; beta = 1 è la SiLU proposta in precedenza."
    ),
    "act.silu.use_when": "CNN moderne (EfficientNet) e blocchi MLP dei LLM (SwiGLU).",
    "act.silu.gain_source": (
        "nessun guadagno in torch; simile alla ReLU, sqrt(2) (l'inizializzazione di He è la prassi abituale)"
    ),
    "act.silu.param.beta.help": "Ripidità: con beta grande si avvicina alla ReLU, con 0 dà x/2.",
    # mish
    "act.mish.name": "Mish",
    "act.mish.note": (
        "Liscia e non monotona come la SiLU, con un avvallamento un po' più profondo (−0,31); costa un exp, un log "
        "e una tanh."
    ),
    "act.mish.use_when": "Rilevatori di oggetti (YOLOv4) e CNN; un'alternativa alla SiLU.",
    "act.mish.gain_source": (
        "nessun guadagno in torch; simile alla ReLU, sqrt(2) (l'inizializzazione di He è la prassi abituale)"
    ),
    # softplus
    "act.softplus.name": "Softplus",
    "act.softplus.note": (
        "Una ReLU liscia la cui derivata è la sigmoide. Niente unità morte, ma gli output sono sempre positivi "
        "(softplus(0) = ln 2)."
    ),
    "act.softplus.use_when": (
        "Mantenere positiva una grandezza (una varianza, un tasso); raramente come attivazione nascosta."
    ),
    "act.softplus.gain_source": (
        "nessun guadagno in torch; gli output non arrivano mai a 0, E[f(x)²] ≈ 0,92 a varianza unitaria, quindi 1,0"
    ),
    "act.softplus.param.beta.help": "Ripidità: con beta grande si avvicina alla ReLU.",
    # softsign
    "act.softsign.name": "Softsign",
    "act.softsign.note": (
        "Come la tanh, ma si avvicina a +-1 in modo polinomiale (come 1/x), non esponenziale, quindi il suo "
        "gradiente si spegne più lentamente; Glorot e Bengio hanno osservato che nelle reti profonde satura meno."
    ),
    "act.softsign.use_when": "Un'alternativa alla tanh che satura più dolcemente.",
    "act.softsign.gain_source": "nessun guadagno in torch; simile alla tanh, come calculate_gain('tanh') = 5/3",
    # maxout
    "act.maxout.name": "Maxout",
    "act.maxout.note": (
        "Non agisce elemento per elemento: ogni unità restituisce il massimo di k unità lineari, quindi apprende "
        "un'attivazione convessa e lineare a tratti (ReLU e |x| ne sono casi particolari), al prezzo di k volte i "
        "parametri. La curva disegnata è max_i(s_i x - s_i^2), con gli s_i equispaziati in [-1, 1]."
    ),
    "act.maxout.use_when": (
        "Con il dropout, nelle reti per la visione meno recenti; un'attivazione appresa che non satura mai."
    ),
    "act.maxout.gain_source": (
        "nessun guadagno in torch; il massimo di 2 gaussiane standard ha momento secondo 1, quindi 1,0"
    ),
    "act.maxout.param.k.help": "Tratti lineari per unità: lo strato precedente è k volte più largo.",
    # softmax (una funzione di output, non nel registro)
    "act.softmax.name": "Softmax",
    "act.softmax.note": (
        "Non è un'attivazione elemento per elemento: trasforma un intero vettore di logit in probabilità che "
        "sommano a 1 (aggiungere una costante a tutti i logit non cambia nulla). All'inizializzazione i logit "
        "dovrebbero essere quasi uguali, e danno la loss attesa della lezione −ln(1/27) = 3,30 invece di 27,9."
    ),
    "act.softmax.use_when": (
        "Lo strato di output di un classificatore: entrano i logit, escono le probabilità delle classi."
    ),
}
