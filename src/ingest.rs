//! Ingest: reads input files into articles.
