TEXT = {
    "loss.title": "Loss all'inizializzazione: non partire sbagliando con sicurezza",
    "loss.what_you_will_see": (
        "Una rete che non sa nulla dovrebbe ammetterlo: la sua prima loss dovrebbe essere −ln(1/27) ≈ 3,30. L'MLP "
        "della lezione parte da lì?  \n"
        "Vedrai da dove parte davvero e perché (la scala del suo strato di output W2), come correggerlo e la "
        '"mazza da hockey" di passi sprecati che costa una cattiva inizializzazione.'
    ),
    # -- 1. loss attesa ------------------------------------------------------------------------
    "loss.expected.header": "1 · Che loss dovrebbe avere una rete appena creata?",
    "loss.expected.body": (
        "Prima dell'addestramento la rete non ha motivo di preferire un carattere a un altro. La previsione onesta è "
        "una distribuzione **uniforme**: probabilità 1/V per ciascuno dei V caratteri. L'entropia incrociata "
        "(cross-entropy) è la media di −ln p[carattere corretto], quindi un'ipotesi uniforme ottiene esattamente "
        "−ln(1/V) = ln V, qualunque sia il carattere corretto. Il nostro vocabolario ha **V = 27** caratteri "
        "('.' più a–z), il che dà **3,2958**."
    ),
    "loss.expected.v": "Dimensione del vocabolario V",
    "loss.expected.v_help": "Tra quanti caratteri sceglie la rete. I dati dei nomi ne hanno 27; con la tua lista di parole il cursore parte dal V di quella lista.",
    "loss.expected.metric": "Loss attesa −ln(1/V)",
    "loss.expected.metric_help": "La loss di una rete che assegna a ogni carattere la stessa probabilità 1/V.",
    "loss.expected.uniform_p": "Ogni p = 1/V",
    "loss.expected.chart_title": "La loss di un'ipotesi uniforme cresce come ln V",
    "loss.expected.x": "dimensione del vocabolario V",
    "loss.expected.y": "loss attesa −ln(1/V)",
    "loss.expected.point": "il tuo V",
    "loss.expected.alt": "Grafico a linee della loss iniziale attesa ln V in funzione della dimensione del vocabolario V da 2 a 100, con un indicatore in V = {v}: {loss:.4f}.",
    "loss.expected.notice": "La curva cresce lentamente (in modo logaritmico): anche con 100 caratteri un'ipotesi uniforme costa solo 4,6. Una prima loss molto al di sopra di ln V non può venire da un'ipotesi onesta e uniforme.",
    # -- 2. loss osservata in funzione della scala di W2 ---------------------------------------
    "loss.sweep.header": "2 · Che loss ha davvero? Dipende dalla scala di W2",
    "loss.sweep.body": (
        "L'MLP termina con `logits = h @ W2 + b2`, dove W2 è estratta da una normale standard e poi moltiplicata per "
        "una scala. Qui sotto 13 reti che differiscono **solo** per questa scala di W2 (da 0,001 a 1, equispaziate su "
        "un asse logaritmico) vengono costruite con lo stesso seed, e la loss di ciascuna è misurata su {n:,} esempi "
        "di addestramento **prima di qualsiasi passo di addestramento** (passo 0). A meno che tu non lo attivi qui "
        "sotto, **b2 vale 0** (b2×0) in tutte e 13, quindi cambia solo W2."
    ),
    "loss.sweep.act": "Attivazione nascosta",
    "loss.sweep.act_help": "La non linearità dopo il primo strato (chiavi della galleria delle attivazioni). La lezione usa tanh. Cambia i valori nascosti h che W2 moltiplica.",
    "loss.sweep.b2": "b2 casuale (b2×1)",
    "loss.sweep.b2_help": "Spento: b2 = 0 in ogni rete (la correzione della lezione). Acceso: b2 = randn(27) come nell'inizializzazione ingenua, così vedi quanto costa da solo un b2 casuale.",
    "loss.sweep.w2": "Scala di W2 scelta (scala log)",
    "loss.sweep.w2_help": "W2 = randn(200, 27) × questa scala. 1 è l'inizializzazione ingenua; la correzione della lezione è 0,01. È segnata sul grafico a sinistra, e i suoi logit sono mostrati a destra.",
    "loss.sweep.chart_title": "Loss al passo 0 in funzione della scala di W2",
    "loss.sweep.x": "scala di W2 (asse log)",
    "loss.sweep.y": "loss al passo 0 (insieme di addestramento)",
    "loss.sweep.variant": "rete",
    "loss.sweep.chosen": "scelta: {loss:.2f}",
    "loss.sweep.rule": "ipotesi uniforme: ln V",
    "loss.sweep.alt": "Grafico a linee con asse x logaritmico: la loss al passo 0 di 13 reti in funzione della loro scala di W2 da 0,001 a 1, con una linea tratteggiata a 3,2958. Con scala 1 la loss è {big:.1f}; con 0,01 è {small:.3f}. La scala scelta, {scale:g}, è evidenziata.",
    "loss.sweep.notice": "Con la tanh, passando da W2×1 a W2×0,1 la loss scende da circa 26 a circa 4; sotto 0,01 si appoggia sulla linea tratteggiata dell'ipotesi uniforme. La loss è alta per colpa della grandezza di W2, non dei dati.",
    "loss.sweep.notice_b2": "Con b2 casuale la curva non riesce a raggiungere la linea tratteggiata: b2 da solo fa sembrare alcuni caratteri più probabili di altri. Per questo la lezione azzera anche b2.",
    "loss.sweep.m_scale": "Loss con W2×{scale:g}",
    "loss.sweep.m_scale_help": "Loss al passo 0 sui primi {n:,} esempi di addestramento per la scala di W2 scelta.",
    "loss.sweep.m_excess": "Sopra l'ipotesi uniforme",
    "loss.sweep.m_expected": "Ipotesi uniforme, −ln(1/V)",
    "loss.sweep.m_excess_help": "Loss al passo 0 meno −ln(1/V) (3,2958 per i nomi, V = 27): il prezzo di partire sbagliando con sicurezza.",
    # -- 3. istogramma dei logit ---------------------------------------------------------------
    "loss.logits.header": "3 · Perché: i logit sono enormi e molto dispersi",
    "loss.logits.body": (
        "L'istogramma mostra tutti i logit che la rete, con la scala di W2 scelta, produce sul suo **primo "
        "minibatch** (32 esempi × {v} caratteri). Con W2×1, h ha 200 componenti vicine a ±1 (tanh), quindi ogni "
        "logit è una somma di 200 termini casuali: la sua dispersione è circa √200 ≈ 14. La softmax trasforma logit "
        "del genere in un carattere con probabilità ≈ 1, scelto a caso, e il carattere corretto riceve spesso una "
        "probabilità dell'ordine di e⁻²⁵. Moltiplicare W2 per 0,01 schiaccia i logit vicino a 0, e la softmax "
        "diventa quasi uniforme."
    ),
    "loss.logits.chart_title": "Logit del primo minibatch, W2×{scale:g}",
    "loss.logits.x": "valore del logit",
    "loss.logits.y": "numero di logit",
    "loss.logits.from": "da",
    "loss.logits.to": "a",
    "loss.logits.alt": "Istogramma degli 864 logit del primo minibatch con scala di W2 {scale:g}: deviazione standard {std:.2f}, valore assoluto massimo {mx:.1f}. La loss di quel batch è {loss:.2f}.",
    "loss.logits.notice": "Guarda l'ampiezza dell'asse x: con W2×1 i logit si spargono su decine di unità; con W2×0,01 (e b2 = 0) stanno tutti entro una frazione di unità da 0. Un b2 casuale aggiunge a ogni logit una dispersione di circa 1, qualunque sia W2.",
    "loss.logits.m_batch": "Loss del batch",
    "loss.logits.m_batch_help": "Entropia incrociata del primo minibatch di 32 esempi al passo 0: ciò che la lezione stampa come prima loss (circa 27 con l'inizializzazione ingenua; 3,32 dopo W2×0,01, b2×0).",
    "loss.logits.m_std": "Std dei logit",
    "loss.logits.m_std_help": "Deviazione standard degli 864 logit mostrati nell'istogramma.",
    "loss.logits.m_max": "Max |logit|",
    "loss.logits.m_max_help": "Il logit più estremo del batch. Differenze di questa grandezza portano la softmax a concentrare quasi tutta la probabilità su un solo carattere.",
    "loss.logits.zero_note": (
        "Perché non W2 = 0 esattamente? La loss sarebbe esattamente 3,2958, ma all'inizio ogni unità nascosta "
        "riceverebbe lo stesso segnale di gradiente. La lezione mantiene un po' di casualità (0,01) per rompere "
        "questa simmetria."
    ),
    # -- 4. sbagliare con sicurezza --------------------------------------------------------------
    "loss.cw.header": "4 · Sbagliare con sicurezza, con quattro classi",
    "loss.cw.body": (
        "Riduci il problema a 4 classi e scegli tu i logit. La softmax li trasforma in probabilità, "
        "p = exp(logit) / Σ exp(logits), e la loss è **−ln p[target]**, dove il target è la classe corretta. "
        "Quando una classe *sbagliata* ha un logit molto più grande del target, p[target] è minuscola e la loss è "
        "enorme: circa la differenza tra il logit più grande e quello del target. Quando tutti i logit sono uguali, "
        "ogni p vale 1/4 e la loss è ln 4 = 1.386."
    ),
    "loss.cw.logit": "Logit della classe {i}",
    "loss.cw.logit_help": "Il punteggio grezzo che la rete assegna alla classe {i}, prima della softmax.",
    "loss.cw.target": "Numero della classe target (corretta)",
    "loss.cw.target_help": "La classe davvero corretta per questo esempio. La loss è −ln della sua probabilità.",
    "loss.cw.class_name": "classe {i}",
    "loss.cw.equal": "Rendi uguali tutti i logit (0)",
    "loss.cw.equal_help": "Porta a 0 i quattro logit: l'ipotesi uniforme della sezione 1, con V = 4.",
    "loss.cw.m_loss": "Loss −ln p[target]",
    "loss.cw.m_loss_help": "Entropia incrociata di questo singolo esempio.",
    "loss.cw.m_p": "p[target]",
    "loss.cw.m_p_help": "La probabilità che la softmax assegna alla classe corretta.",
    "loss.cw.m_uniform": "Ipotesi uniforme, ln 4",
    "loss.cw.chart_title": "Probabilità softmax delle quattro classi",
    "loss.cw.x": "classe",
    "loss.cw.y": "probabilità",
    "loss.cw.logit_col": "logit",
    "loss.cw.role": "ruolo",
    "loss.cw.is_target": "target",
    "loss.cw.is_other": "altra classe",
    "loss.cw.alt": "Grafico a barre delle probabilità softmax di quattro classi con logit {logits}; il target è la classe {target} con probabilità {p:.3g}, quindi la loss è {loss:.3f}.",
    "loss.cw.notice": "Con i valori predefiniti la classe 3 si prende quasi tutta la probabilità, mentre il target, la classe 0, riceve circa e⁻²⁸: una loss vicina a 28, proprio come la prima loss della rete ingenua. Premi il pulsante per vedere ln 4.",
    # -- 5. mazza da hockey ------------------------------------------------------------------------
    "loss.hockey.header": "5 · La mazza da hockey: passi sprecati per rimediare a una cattiva inizializzazione",
    "loss.hockey.body": (
        "Due reti con lo stesso seed e gli stessi minibatch si addestrano insieme con SGD (lr 0,1, batch 32): "
        "l'**inizializzazione ingenua** (W2×1, b2×1) e l'**inizializzazione corretta** (W2×0,01, b2×0). La rete "
        "ingenua spende i primi passi a ridurre i suoi logit troppo sicuri di sé, e questo dà alla sua curva di loss "
        "la forma di una mazza da hockey; quella corretta parte da 3,3 e passa subito all'apprendimento utile."
    ),
    "loss.hockey.steps": "Passi di addestramento da mostrare",
    "loss.hockey.steps_help": "Quanti passi di SGD fanno entrambe le reti. Con più passi il primo calcolo richiede un po' più di tempo.",
    "loss.hockey.naive": "ingenua (W2×1, b2×1)",
    "loss.hockey.naive_short": "Ingenua",
    "loss.hockey.fixed_short": "Corretta",
    "loss.hockey.fixed": "corretta (W2×0,01, b2×0)",
    "loss.hockey.chart_title": "Loss del minibatch nei primi {n} passi",
    "loss.hockey.x": "passo di addestramento",
    "loss.hockey.y": "loss del minibatch",
    "loss.hockey.variant": "inizializzazione",
    "loss.hockey.raw": "loss di questo minibatch",
    "loss.hockey.smooth": "media mobile ({w} passi)",
    "loss.hockey.smooth_caption": "Linee sottili e chiare: la loss del minibatch di 32 esempi di ogni passo (rumorosa). Linee spesse: la sua media mobile sugli ultimi {w} passi.",
    "loss.hockey.rule": "ipotesi uniforme: ln V",
    "loss.hockey.alt": "Grafico a linee della loss del minibatch su {n} passi di addestramento per l'inizializzazione ingenua e per quella corretta. La rete ingenua parte da {naive0:.1f} e scende ripidamente; quella corretta parte da {fixed0:.2f}. In media sugli ultimi 100 passi: ingenua {naive_end:.3f}, corretta {fixed_end:.3f}.",
    "loss.hockey.notice": "La prima discesa ripida della curva ingenua è la lama della mazza da hockey: progressi nel ridurre i logit, non nell'imparare i nomi. Anche dopo, la rete corretta resta più in basso, perché ha dedicato tutti i suoi passi al compito vero.",
    "loss.hockey.m_start": "{variant}: passo 0",
    "loss.hockey.m_end": "{variant}: ultimi 100 passi",
    "loss.hockey.m_end_help": "Loss media del minibatch sugli ultimi 100 passi mostrati: più bassa è, meglio è.",
    "loss.hockey.m_start_help": "La loss del primissimo minibatch, prima di qualsiasi aggiornamento.",
    "loss.hockey.start_note": (
        "Perché tre loss diverse al passo 0 per W2×1? Sono misurate su esempi e reti diversi: la sezione 2 fa la "
        "media su {n:,} esempi di addestramento ({sweep:.2f}); la loss del batch della sezione 3 è la stessa rete sul "
        "primo minibatch di 32 ({batch:.2f}); la rete ingenua qui parte da quello stesso minibatch, ma ha anche un b2 "
        "casuale ({naive:.2f}). Attiva **b2 casuale** nella sezione 2 e la sua loss del batch sarà esattamente questa."
    ),
    "loss.hockey.start_note_b2": (
        "Perché la sezione 2 mostra {sweep:.2f} per W2×1 e questo grafico {naive:.2f}? È la stessa rete (W2×1, b2 "
        "casuale) misurata su esempi diversi: la sezione 2 fa la media su {n:,} esempi di addestramento, mentre qui il "
        "passo 0 è il primo minibatch di 32, la loss del batch della sezione 3 ({batch:.2f})."
    ),
}
