/**
 * Media: files members upload (portfolio items, lessons, post images, attachments, logos), stored through the S3 API,
 * checked against their bytes, processed (image variants without metadata; video and audio durations and posters),
 * served with caching and ranges, and owned by something in a module, with which they go.
 */
package dev.atrium.platform.media;
