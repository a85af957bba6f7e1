package org.assemblyhub.learning.library;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A PDF must open with PDFBox and have pages whose tree parses: a file that only starts like a PDF would leave
 * members with a blank reader. PDFBox buffers in temporary files, not memory, so a large PDF costs no heap.
 */
final class PdfCheck {
    private PdfCheck() {}

    static int pages(Path file) throws FileRefused {
        try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            int pages = document.getNumberOfPages();
            if (pages < 1) throw FileRefused.pdfUnreadable("it has no pages.");
            for (PDPage page : document.getPages()) page.getMediaBox();
            return pages;
        } catch (IOException | RuntimeException e) {
            // PDFBox says "missing root object", "invalid password", or fails deep inside a damaged page tree
            throw FileRefused.pdfUnreadable("it is damaged, protected by a password, or not a real PDF.");
        }
    }
}
