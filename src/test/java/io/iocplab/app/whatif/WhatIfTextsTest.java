package io.iocplab.app.whatif;

import io.iocplab.app.Bundles;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The what-if and editor windows' bundles: English and Korean have the same keys, patterns parse, Korean is Korean. */
class WhatIfTextsTest {
    @Test
    void whatIfAndEditorTextsAreInBothLanguages() {
        Set<String> win32Names = Set.of("field.bytes", "field.key");            // the parameter names of the call
        Bundles.assertBothLanguages("whatif", win32Names::contains);
        Bundles.assertBothLanguages("editor", key -> false);
    }
}
