package io.casedesk.system;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * A small full-text index (Apache Lucene): documents of a few text fields under an id, English analysis (stemming,
 * stop words), BM25 ranking (Lucene's default similarity). A search takes plain text, never a query syntax: its words
 * are analysed like the documents' and each is looked up in every field with that field's boost, the best field
 * counting most (a disjunction-max per word). Kept on disk, or in memory for small or throw-away indexes. Writes are
 * seen by searches after {@link #commit}.
 */
public final class TextIndex implements Closeable {

    /** A document that matched, by id, with its BM25 score. */
    public record Hit(String id, float score) {}

    private static final String ID = "id";

    /** Enough for the longest subject and description; more words only slow the search. */
    private static final int MAX_QUERY_TERMS = 64;

    /** Another field matching the same word adds this share of its score. */
    private static final float TIE_BREAKER = 0.3f;

    /**
     * Snowball's English stop words (some 170: "my", "i", "was", "all" ...) rather than the analyzer's 33: customers
     * write in full sentences, and with the short list every "my" and "I" made any two cases look alike.
     */
    private static final CharArraySet STOP_WORDS = snowballStopWords();

    /** The analysis of every text: indexed, searched or compared (thread-safe; one for all indexes). */
    private static final Analyzer ANALYSIS = new EnglishAnalyzer(STOP_WORDS);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean existed;

    private TextIndex(Directory directory) {
        this.directory = directory;
        try {
            this.existed = DirectoryReader.indexExists(directory);
            this.writer = new IndexWriter(
                    directory,
                    new IndexWriterConfig(ANALYSIS).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TextIndex onDisk(Path path) {
        try {
            Files.createDirectories(path);
            return new TextIndex(FSDirectory.open(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the index at " + path, e);
        }
    }

    public static TextIndex inMemory() {
        return new TextIndex(new ByteBuffersDirectory());
    }

    /** Whether the index was there (committed) when it was opened; a new one must be filled from the database. */
    public boolean existed() {
        return existed;
    }

    /** Adds or replaces the document of this id; {@code null} texts are left out. */
    public void put(String id, Map<String, String> texts) {
        var document = new Document();
        document.add(new StringField(ID, id, Field.Store.YES));
        texts.forEach((field, text) -> {
            if (text != null && !text.isBlank()) {
                document.add(new TextField(field, text, Field.Store.NO));
            }
        });
        try {
            writer.updateDocument(new Term(ID, id), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(String id) {
        try {
            writer.deleteDocuments(new Term(ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the writes so far durable and searchable, with this note (e.g. how far the index has caught up). */
    public void commit(Map<String, String> note) {
        try {
            writer.setLiveCommitData(note.entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The note of the last commit. */
    public Map<String, String> note() {
        var note = new LinkedHashMap<String, String>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> note.put(e.getKey(), e.getValue()));
        }
        return note;
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    /**
     * The documents that best match the words of {@code text}, at most {@code limit}, best first; the documents of
     * {@code excluded} ids never.
     */
    public List<Hit> search(String text, Map<String, Float> fieldBoosts, Collection<String> excluded, int limit) {
        return search(text, fieldBoosts, excluded, limit, 0);
    }

    /**
     * As {@link #search(String, Map, Collection, int)}, but only documents that contain at least this share of the
     * text's distinct words (and at least two of them) match: BM25 scores depend on the size of the index, a share
     * of the words does not.
     */
    public List<Hit> search(
            String text, Map<String, Float> fieldBoosts, Collection<String> excluded, int limit, double minShare) {
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        var query = new BooleanQuery.Builder();
        if (minShare > 0) {
            query.setMinimumNumberShouldMatch(
                    Math.max(Math.min(2, terms.size()), (int) Math.ceil(minShare * terms.size())));
        }
        for (String term : terms) {
            var perField = new ArrayList<Query>();
            fieldBoosts.forEach(
                    (field, boost) -> perField.add(new BoostQuery(new TermQuery(new Term(field, term)), boost)));
            query.add(new DisjunctionMaxQuery(perField, TIE_BREAKER), Occur.SHOULD);
        }
        excluded.forEach(id -> query.add(new TermQuery(new Term(ID, id)), Occur.MUST_NOT));
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                var hits = new ArrayList<Hit>();
                for (ScoreDoc doc : searcher.search(query.build(), limit).scoreDocs) {
                    hits.add(new Hit(searcher.storedFields().document(doc.doc).get(ID), doc.score));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distinct analysed words of a text, at most {@link #MAX_QUERY_TERMS}, in order of appearance. */
    List<String> terms(String text) {
        return termCounts(text).keySet().stream().limit(MAX_QUERY_TERMS).toList();
    }

    /**
     * The analysed words of a text (lower case, Snowball's stop words out, Porter stems), each with how often it
     * occurs, in order of appearance: the analysis the indexes search with, for features that compare texts
     * themselves.
     */
    public static Map<String, Integer> termCounts(String text) {
        var counts = new java.util.LinkedHashMap<String, Integer>();
        if (text == null) {
            return counts;
        }
        try (TokenStream tokens = ANALYSIS.tokenStream("", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private static CharArraySet snowballStopWords() {
        try (var words = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)) {
            return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(words));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
