package org.assemblyhub.learning.library;

/** What the content check found: the media type the file is served with, and a PDF's page count (else null). */
public record FileFacts(String mediaType, Integer pages) {}
