package io.casedesk.security.process;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads a model's XML as a stream of elements, with no DTD and no external entity: a model cannot reach a file. */
final class ModelXml {

    private ModelXml() {}

    static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        return reader(new ByteArrayInputStream(xml));
    }

    static XMLStreamReader reader(InputStream xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(xml);
    }
}
