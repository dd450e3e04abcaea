import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'url';
import { docxFileUri, docxViewUri } from '../../server/src/node/docx/view-uri';

describe('docx view URIs', () => {
  it('map a file URI to the view and back, Chinese names and authorities included', () => {
    const file = pathToFileURL('/data/区 报告.docx').href;
    assert.equal(docxViewUri(file), 'reportlint-docx:/data/%E5%8C%BA%20%E6%8A%A5%E5%91%8A.docx');
    assert.equal(docxFileUri(docxViewUri(file)), file);
    assert.equal(docxViewUri('file://server/share/a.docx'), 'reportlint-docx://server/share/a.docx');
    assert.equal(docxFileUri('reportlint-docx://server/share/a.docx'), 'file://server/share/a.docx');
    assert.equal(docxFileUri('file:///a.docx'), null);
  });
});
