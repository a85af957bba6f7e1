// What each error code the hub can send means, in each language: a person reads these next to what they just did, in
// their language. One file per language (errors.fr.js, errors.en.js; a third language is a third file and a line
// here), one code a line, the same codes in every language (ErrorCatalogueTest checks that every code the server's
// sources can send is in each). The server's own English sentence is shown only for a code missing here. Codes made
// by the page itself (leave-failed, closed) are here too.
import fr from './errors.fr.js';
import en from './errors.en.js';

export default { fr, en };
