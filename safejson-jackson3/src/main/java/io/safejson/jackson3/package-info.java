/** Safe JSON for services on Jackson 3: a {@code JsonMapper} module and a writer into Jackson 3 generators. */
package io.safejson.jackson3;
